package vn.hanoi.cityops.dossier;

import vn.hanoi.cityops.city.KpiMath;

/**
 * The dossier KPIs of a scope and period as the API answers them: the counts of {@link DossierCounts} and
 * the figures derived from them by {@link KpiMath} (percentages and hours to one decimal, null when there
 * is nothing to divide). Pure: no Vert.x, no I/O.
 */
public record DossierKpis(long received, long inProgress, long completedOnTime, long completedLate, long returned,
                          long backlog, long overdueNow, Double onTimeRate, Double onlineShare,
                          Double avgProcessingHours) {

  public static DossierKpis of(DossierCounts c) {
    return new DossierKpis(c.received(), c.inProgress(), c.completedOnTime(), c.completedLate(), c.returned(),
        c.backlog(), c.overdueNow(),
        KpiMath.onTimeRate(c.completedOnTime(), c.completedLate()),
        KpiMath.percent(c.receivedOnline(), c.received()),
        KpiMath.averageHours(c.processingSeconds(), c.completed()));
  }
}
