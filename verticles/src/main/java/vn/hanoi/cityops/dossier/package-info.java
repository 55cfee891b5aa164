/**
 * Dossier KPIs (hồ sơ thủ tục hành chính) and rankings. {@code DossierRepository} reads counts per agency
 * from {@code dossier_state} ({@code sql/dossier/*.sql}); {@code Scopes} sums them into the city, a level,
 * a district (with its communes) or one agency; {@code DossierKpis} (with {@code city/KpiMath}) turns counts into
 * rates, shares and hours; {@code Ranking} orders districts and agencies falling behind;
 * {@code DossierJson} is the one JSON of the KPIs; {@code DossierRoutes} serves
 * {@code /api/v1/kpi/*} and {@code /api/v1/rankings/*}, {@code DossierTopics} the {@code kpi.*} topics, and
 * {@code DistrictDossiersPanel} and {@code DistrictRankingPanel} are the briefing panels {@code district-dossiers}
 * and {@code district-ranking}. Listens to no event-bus address: every answer is read from PostgreSQL.
 */
package vn.hanoi.cityops.dossier;
