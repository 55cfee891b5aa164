package vn.hanoi.cityops.dossier;

import java.util.Collection;

/**
 * What {@code sql/dossier/counts-by-agency.sql} counts for one agency (or, summed, for a scope) in a period:
 * <ul>
 *   <li>{@code received}: received in the period; {@code inProgress}: of those, still open now;
 *       {@code receivedOnline}: of those, sent fully or partly online;</li>
 *   <li>{@code completedOnTime}, {@code completedLate}: completed in the period, by or after the due date;
 *       {@code processingSeconds}: their total time from reception to completion;</li>
 *   <li>{@code returned}: returned in the period (its last event in the period);</li>
 *   <li>{@code backlog}: open now, whenever received; {@code overdueNow}: open and past due now.</li>
 * </ul>
 * Sums are plain additions, so a city is the sum of its agencies. Pure: no Vert.x, no I/O.
 */
public record DossierCounts(long received, long inProgress, long receivedOnline, long completedOnTime,
                            long completedLate, double processingSeconds, long returned, long backlog,
                            long overdueNow) {
  public static final DossierCounts NONE = new DossierCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public DossierCounts plus(DossierCounts o) {
    return new DossierCounts(received + o.received, inProgress + o.inProgress, receivedOnline + o.receivedOnline,
        completedOnTime + o.completedOnTime, completedLate + o.completedLate, processingSeconds + o.processingSeconds,
        returned + o.returned, backlog + o.backlog, overdueNow + o.overdueNow);
  }

  public static DossierCounts sum(Collection<DossierCounts> all) {
    DossierCounts total = NONE;
    for (DossierCounts c : all) {
      total = total.plus(c);
    }
    return total;
  }

  public long completed() {
    return completedOnTime + completedLate;
  }
}
