/**
 * The city as cityops knows it, shared by every capability: its agencies and systems
 * ({@link vn.hanoi.cityops.city.ReferenceData}, loaded once at start), its time ({@link vn.hanoi.cityops.city.Hanoi}),
 * its reporting periods ({@link vn.hanoi.cityops.city.Period}) and the arithmetic of its KPIs
 * ({@link vn.hanoi.cityops.city.KpiMath}). Pure but for the reference data's one read.
 */
package vn.hanoi.cityops.city;
