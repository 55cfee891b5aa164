package vn.hanoi.cityops.auth;

/** Everything a person can ask of cityops, as {@link AccessControl} decides it. */
public enum Action {
  /** City-wide live data, KPIs, history: the wall display. */
  READ_CITY_DATA,
  /** One agency's data (the resource is its code). */
  READ_AGENCY_DATA,
  ACKNOWLEDGE_ALERT,
  /** Resolve, silence, manage alert rules. */
  MANAGE_ALERTS,
  /** Manage on-call teams, rotations, covers, escalation policies and maintenance windows. */
  MANAGE_ONCALL,
  /** Create and chair briefings, record decisions, assign tasks. */
  RUN_MEETINGS,
  /** Update a task assigned to an agency (the resource is its code). */
  UPDATE_AGENCY_TASK,
  MANAGE_USERS,
  MANAGE_API_KEYS,
  READ_AUDIT,
  /** Turn on, confirm and turn off one's own second sign-in step (TOTP): for admins and SREs. */
  USE_TWO_STEP_SIGN_IN,
  /** One's own profile and session. */
  READ_SELF
}
