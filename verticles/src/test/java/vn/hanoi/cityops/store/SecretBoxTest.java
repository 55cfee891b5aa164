package vn.hanoi.cityops.store;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {
  private static final SecretBox BOX = SecretBox.withKey(SecretBox.newKey());

  @Test
  void aSealedSecretOpensWithItsKeyAndColumnOnlyAndNeverShowsTheClearText() {
    String sealed = BOX.seal("t.c", "whsec_the-clear-secret");
    assertTrue(sealed.matches("v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+"), sealed);
    assertFalse(sealed.contains("clear-secret"));
    assertEquals("whsec_the-clear-secret", BOX.open("t.c", sealed));
    assertNotEquals(sealed, BOX.seal("t.c", "whsec_the-clear-secret"), "a fresh nonce per value");
    assertThrows(IllegalStateException.class, () -> BOX.open("t.other", sealed), "bound to its column");
    assertThrows(IllegalStateException.class, () -> SecretBox.withKey(SecretBox.newKey()).open("t.c", sealed), "another key");
    String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.charAt(sealed.length() - 3) == 'A' ? 'B' : 'A')
        + sealed.substring(sealed.length() - 2);
    assertThrows(IllegalStateException.class, () -> BOX.open("t.c", flipped), "tampering is detected");
  }

  @Test
  void aValueMarkedPlainOpensAsItIs() {
    assertEquals("old-secret", BOX.open("t.c", "plain:old-secret"));
    assertEquals(null, BOX.open("t.c", null));
  }

  @Test
  void aKeyMustBeBase64Of32BytesAndProductionWithoutOneSealsNothing() {
    assertThrows(IllegalStateException.class, () -> SecretBox.withKey("c2hvcnQ="));
    SecretBox production = SecretBox.of(AppConfig.of(Map.of("dev.mode", "off")));
    assertFalse(production.hasKey());
    assertThrows(SecretBox.MissingKey.class, () -> production.seal("t.c", "x"));
    SecretBox development = SecretBox.of(AppConfig.of(Map.of("dev.mode", "on")));
    assertTrue(development.developmentKey());
    assertEquals("x", SecretBox.of(AppConfig.of(Map.of("dev.mode", "on"))).open("t.c", development.seal("t.c", "x")),
        "every development node derives the same key");
  }
}
