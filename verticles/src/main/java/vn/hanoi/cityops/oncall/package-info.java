/**
 * On call: an outage reaches the right engineer and climbs to the next person until someone owns it.
 * {@link vn.hanoi.cityops.oncall.OnCallModule} says what it needs and offers; the rest:
 * <ul>
 *   <li>Pure, unit-tested: {@link vn.hanoi.cityops.oncall.Rotation} (who is on call when: daily or weekly handoffs at
 *       a Hanoi time, covers), {@link vn.hanoi.cityops.oncall.Escalation} (which steps of a policy are due, repeats,
 *       reminders), {@link vn.hanoi.cityops.oncall.Paging} (who is owed which message: each step's target at its due
 *       time, the latest reminder, all-clears, handoffs), {@link vn.hanoi.cityops.oncall.MaintenanceWindow},
 *       {@link vn.hanoi.cityops.oncall.PageText} (the words, Vietnamese and English),
 *       {@link vn.hanoi.cityops.oncall.Setup}, {@code OnCallRules}.</li>
 *   <li>PostgreSQL ({@code V0022__oncall.sql}), statements in {@code sql/oncall/*.sql}, records out:
 *       {@link vn.hanoi.cityops.oncall.TeamRepository} (teams, members, systems, rotations, covers),
 *       {@link vn.hanoi.cityops.oncall.PolicyRepository}, {@link vn.hanoi.cityops.oncall.WindowRepository}, the
 *       engine's {@link vn.hanoi.cityops.oncall.Ledger} (outages, claimed pages, holds) and
 *       {@link vn.hanoi.cityops.oncall.AckLinks} (one-tap acknowledge links, kept hashed).</li>
 *   <li>HTTP under {@code /api/v1/oncall}: {@code TeamRoutes}, {@code PolicyRoutes} (policies, maintenance windows),
 *       {@code OnCallRoutes} (who is on call now, the pages of an outage, the acknowledge link); shapes in
 *       {@code OnCallJson}, bodies checked against {@code schemas/oncall-*.schema.json} and
 *       {@code maintenance-window.schema.json}.</li>
 *   <li>The engine: {@link vn.hanoi.cityops.oncall.EscalationVerticle} (one per node, its own event loop) runs a
 *       {@code PagingEngine} pass every {@code oncall.tickMs} and whenever the feed carries an alert change
 *       ({@code AlertWake}, its feed listener): outages kept in step with alert/'s view {@code alert_group_open}, what
 *       is owed claimed, then sent through the {@link vn.hanoi.cityops.notify.Notifier}.</li>
 * </ul>
 *
 * <p>Exactly once in a cluster without the bus: every node works out the same messages (targets are resolved at a
 * step's due time, not when asked), and each is a row of {@code oncall_page} with a unique key (outage, kind, round,
 * step, person; or rotation, instant, person) claimed before it is sent, by one node, with a lease that node renews
 * while it sends; a node that dies mid-send leaves a claim another takes over once the lease has run out. A page is
 * claimed only while its outage still climbs as PostgreSQL sees it at that moment, so an acknowledgement on any node
 * stops the climb at once. An outage ({@code oncall_episode}) opens when an alert group first has an open,
 * unsilenced alert of a system a team owns, once (a partial unique index), and closes when the group has none
 * (resolved: all-clear to everyone paged) or its alerts joined another group (merged: that outage's all-clear covers
 * it). Reads alert/ only through its view and its module; listens to no event-bus address.
 */
package vn.hanoi.cityops.oncall;
