package vn.hanoi.cityops.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hanoi.cityops.failure.Failure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"password1234", "qwertyuiop123", "1234567890123", "iloveyou1234"})
  void commonPasswordsAreRefusedSayingSo(String password) {
    Failure f = assertThrows(Failure.class, () -> PasswordPolicy.check(password, "nguyen.van.a", "Nguyễn Văn A"));
    assertEquals("validation_failed", f.code());
    assertEquals("password", f.details().getJsonObject(0).getString("field"));
    assertTrue(f.getMessage().contains("common") || f.getMessage().contains("easy to guess"), f.getMessage());
  }

  @Test
  void thePersonsOwnUsernameAndNameMakeAWeakPassword() {
    Failure f = assertThrows(Failure.class, () -> PasswordPolicy.check("nguyenvana2026", "nguyen.van.a", "Nguyen Van A"));
    assertTrue(f.getMessage().contains("easy to guess"), f.getMessage());
  }

  @Test
  void aPhraseOfUnrelatedWordsOrARandomStringIsAccepted() {
    assertDoesNotThrow(() -> PasswordPolicy.check("hoa-sen-tren-ho-tay-7", "nguyen.van.a", "Nguyễn Văn A"));
    assertDoesNotThrow(() -> PasswordPolicy.check("Xq7#vLp2!mZr9w", "sre", "SRE"));
  }
}
