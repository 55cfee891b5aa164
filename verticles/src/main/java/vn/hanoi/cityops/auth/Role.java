package vn.hanoi.cityops.auth;

import java.util.Locale;

/** What a signed-in person is at the operations center; a user holds one or more. */
public enum Role {
  /** Watches the wall display: reads everything, acknowledges alerts. */
  OPERATOR,
  /** Reads everything, runs briefings, records decisions, assigns tasks. */
  LEADER,
  /** Acknowledges, resolves and silences alerts; manages alert rules. */
  SRE,
  /** An agency officer: their own agency's data (a district's includes its communes) and its tasks. */
  AGENCY,
  /** Manages users and ingestion API keys; reads the audit log. */
  ADMIN,
  /** A wall display in kiosk mode, signed in by a display token: reads city-wide data, changes nothing. */
  DISPLAY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
