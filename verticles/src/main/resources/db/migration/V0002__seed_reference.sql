-- Seed of the reference lists shipped in src/main/resources/reference/ (a copy of shared/reference).
-- The City People's Committee (the root) + 23 departments + 30 districts + 579 communes = 633 agencies,
-- as the city counts them in its document system; 14 city systems.

INSERT INTO agency (code, name_vi, name_en, level, kind, parent_code) VALUES
    ('HN', 'UBND thành phố Hà Nội', 'Hanoi People''s Committee', 'city', 'thành phố', NULL);

INSERT INTO agency (code, name_vi, name_en, level, kind, parent_code, urban, commune_count) VALUES
    ('VP-UBND', 'Văn phòng UBND thành phố', 'Office of the City People''s Committee', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SNV', 'Sở Nội vụ', 'Department of Home Affairs', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('STP', 'Sở Tư pháp', 'Department of Justice', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SKHDT', 'Sở Kế hoạch và Đầu tư', 'Department of Planning and Investment', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('STC', 'Sở Tài chính', 'Department of Finance', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SCT', 'Sở Công Thương', 'Department of Industry and Trade', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Department of Agriculture and Rural Development', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SGTVT', 'Sở Giao thông vận tải', 'Department of Transport', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SXD', 'Sở Xây dựng', 'Department of Construction', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('STNMT', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('STTTT', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SVHTT', 'Sở Văn hóa và Thể thao', 'Department of Culture and Sports', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SDL', 'Sở Du lịch', 'Department of Tourism', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SKHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SYT', 'Sở Y tế', 'Department of Health', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SQHKT', 'Sở Quy hoạch - Kiến trúc', 'Department of Planning and Architecture', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('SNGV', 'Sở Ngoại vụ', 'Department of Foreign Affairs', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('TTTP', 'Thanh tra thành phố', 'City Inspectorate', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('BDT', 'Ban Dân tộc', 'Ethnic Minorities Committee', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('BQLKCN', 'Ban Quản lý các khu công nghiệp và chế xuất', 'Industrial and Export Processing Zones Authority', 'city', 'sở/ban/ngành', 'HN', NULL, NULL),
    ('BQLCNC', 'Ban Quản lý Khu công nghệ cao sinh học', 'Biotech High-Tech Park Authority', 'city', 'sở/ban/ngành', 'HN', NULL, NULL);

INSERT INTO agency (code, name_vi, name_en, level, kind, parent_code, urban, commune_count) VALUES
    ('BD', 'Ba Đình', 'Ba Dinh District', 'district', 'quận', 'HN', true, 14),
    ('HK', 'Hoàn Kiếm', 'Hoan Kiem District', 'district', 'quận', 'HN', true, 18),
    ('TH', 'Tây Hồ', 'Tay Ho District', 'district', 'quận', 'HN', true, 8),
    ('LB', 'Long Biên', 'Long Bien District', 'district', 'quận', 'HN', true, 14),
    ('CG', 'Cầu Giấy', 'Cau Giay District', 'district', 'quận', 'HN', true, 8),
    ('DD', 'Đống Đa', 'Dong Da District', 'district', 'quận', 'HN', true, 21),
    ('HBT', 'Hai Bà Trưng', 'Hai Ba Trung District', 'district', 'quận', 'HN', true, 18),
    ('HM', 'Hoàng Mai', 'Hoang Mai District', 'district', 'quận', 'HN', true, 14),
    ('TX', 'Thanh Xuân', 'Thanh Xuan District', 'district', 'quận', 'HN', true, 11),
    ('NTL', 'Nam Từ Liêm', 'Nam Tu Liem District', 'district', 'quận', 'HN', true, 10),
    ('BTL', 'Bắc Từ Liêm', 'Bac Tu Liem District', 'district', 'quận', 'HN', true, 13),
    ('HD', 'Hà Đông', 'Ha Dong District', 'district', 'quận', 'HN', true, 17),
    ('ST', 'Sơn Tây', 'Son Tay Town', 'district', 'thị xã', 'HN', false, 15),
    ('BV', 'Ba Vì', 'Ba Vi District', 'district', 'huyện', 'HN', false, 31),
    ('CM', 'Chương Mỹ', 'Chuong My District', 'district', 'huyện', 'HN', false, 32),
    ('DP', 'Đan Phượng', 'Dan Phuong District', 'district', 'huyện', 'HN', false, 16),
    ('DA', 'Đông Anh', 'Dong Anh District', 'district', 'huyện', 'HN', false, 24),
    ('GL', 'Gia Lâm', 'Gia Lam District', 'district', 'huyện', 'HN', false, 22),
    ('HDU', 'Hoài Đức', 'Hoai Duc District', 'district', 'huyện', 'HN', false, 20),
    ('ML', 'Mê Linh', 'Me Linh District', 'district', 'huyện', 'HN', false, 18),
    ('MD', 'Mỹ Đức', 'My Duc District', 'district', 'huyện', 'HN', false, 22),
    ('PX', 'Phú Xuyên', 'Phu Xuyen District', 'district', 'huyện', 'HN', false, 27),
    ('PT', 'Phúc Thọ', 'Phuc Tho District', 'district', 'huyện', 'HN', false, 21),
    ('QO', 'Quốc Oai', 'Quoc Oai District', 'district', 'huyện', 'HN', false, 21),
    ('SS', 'Sóc Sơn', 'Soc Son District', 'district', 'huyện', 'HN', false, 26),
    ('TT', 'Thạch Thất', 'Thach That District', 'district', 'huyện', 'HN', false, 23),
    ('TO', 'Thanh Oai', 'Thanh Oai District', 'district', 'huyện', 'HN', false, 21),
    ('TTR', 'Thanh Trì', 'Thanh Tri District', 'district', 'huyện', 'HN', false, 16),
    ('TTI', 'Thường Tín', 'Thuong Tin District', 'district', 'huyện', 'HN', false, 29),
    ('UH', 'Ứng Hòa', 'Ung Hoa District', 'district', 'huyện', 'HN', false, 29);

-- Communes: <district>-<two-digit number>; names are generated (urban districts have wards, others communes).
INSERT INTO agency (code, name_vi, name_en, level, kind, parent_code)
SELECT d.code || '-' || lpad(n::text, 2, '0'),
       CASE WHEN d.urban THEN 'Phường ' ELSE 'Xã ' END || lpad(n::text, 2, '0') || ' - ' || d.name_vi,
       CASE WHEN d.urban THEN 'Ward ' ELSE 'Commune ' END || lpad(n::text, 2, '0') || ', ' || d.name_en,
       'commune',
       CASE WHEN d.urban THEN 'phường' ELSE 'xã' END,
       d.code
FROM agency d, generate_series(1, d.commune_count) AS n
WHERE d.level = 'district';

INSERT INTO city_system (code, name_vi, name_en, kind, seed_fact) VALUES
    ('DVC-PORTAL', 'Cổng dịch vụ công trực tuyến thành phố', 'City online public-service portal', 'public', '18.7% of procedures integrated on the national portal vs the 30% target; system often hangs'),
    ('DVCQG-LINK', 'Kết nối Cổng dịch vụ công quốc gia', 'Link to the national public-service portal', 'integration', 'procedures published and integrated on the national portal'),
    ('MOTCUA', 'Hệ thống một cửa dùng chung ba cấp', 'Shared three-level one-stop dossier software', 'internal', 'used at city, district and commune levels'),
    ('CSDL-DANCU', 'Kết nối CSDL quốc gia về dân cư', 'Link to the national population database', 'integration', 'Hanoi connected early; serves dossier reception'),
    ('LGSP', 'Nền tảng tích hợp chia sẻ dữ liệu (LGSP)', 'Local government data-sharing platform', 'integration', 'shared data between agencies'),
    ('QLVB', 'Hệ thống quản lý văn bản và điều hành', 'Document management and operations system', 'internal', '633 agencies; 96,240 documents; 12,492 e-documents exchanged'),
    ('BAOCAO', 'Hệ thống thông tin báo cáo thành phố', 'City reporting information system', 'internal', 'one of the four key systems'),
    ('ZALO-PAKN', 'Kênh phản ánh kiến nghị qua Zalo', 'Citizen feedback channel on Zalo', 'public', 'reaches over 7 million Zalo accounts'),
    ('HOP', 'Ứng dụng quản lý cuộc họp', 'Meeting management application', 'internal', 'used at the City People''s Committee'),
    ('GIAOBAN', 'Hệ thống giao ban trực tuyến ba cấp', 'Three-level online briefing system', 'internal', 'deployed to three levels of government'),
    ('WAN', 'Mạng diện rộng WAN thành phố', 'City wide-area network', 'infrastructure', 'must stay stable and uninterrupted'),
    ('DATACENTER', 'Trung tâm dữ liệu chính thành phố', 'City main data center', 'infrastructure', 'being brought into service'),
    ('CKS', 'Dịch vụ chữ ký số', 'Digital signature service', 'public', 'about 10,000 free digital signatures issued to citizens'),
    ('OPENDATA', 'Cổng dữ liệu thành phố', 'City open-data portal', 'public', 'open-data catalogue, Decision 3478/QĐ-UBND');
