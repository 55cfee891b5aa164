package vn.hanoi.cityops.auth;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import vn.hanoi.cityops.failure.Failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password set through the API must be (the schemas already ask for 12–256 characters): not one of the
 * most common passwords, and not easy to guess — nbvcxz's estimate (its dictionaries of common passwords, words and
 * keyboard patterns, plus the person's own username and name) must reach {@link #MINIMUM_ENTROPY} bits. A refusal is
 * {@code 400 validation_failed} on {@code password}, saying why. CPU-bound (milliseconds): call it off the event loop,
 * beside the hashing.
 */
public final class PasswordPolicy {
  /** Bits of estimated entropy a password must reach: nbvcxz's own default (about 3·10^10 guesses). */
  static final double MINIMUM_ENTROPY = ConfigurationBuilder.getDefaultMinimumEntropy();
  /** nbvcxz's dictionary of leaked passwords, by popularity. */
  private static final String COMMON = "passwords";

  private PasswordPolicy() {
  }

  /** Throws the {@link Failure} that says why {@code password} is refused for the person named by {@code words}. */
  public static void check(String password, String... words) {
    Nbvcxz estimator = new Nbvcxz(configuration(words));
    var result = estimator.estimate(password);
    for (Match m : result.getMatches()) {
      if (m instanceof DictionaryMatch d && COMMON.equals(d.getDictionaryName())
          && d.getToken().length() >= password.length() - 2) {
        throw refusal("is one of the most common passwords (rank " + d.getRank() + " in leaked-password lists)");
      }
    }
    if (!result.isMinimumEntropyMet()) {
      String warning = result.getFeedback().getWarning();
      throw refusal("is too easy to guess (about " + Math.round(result.getEntropy()) + " bits; at least "
          + Math.round(MINIMUM_ENTROPY) + " needed)" + (warning == null ? "" : ": " + warning)
          + "; use a few unrelated words or a longer phrase");
    }
  }

  private static Failure refusal(String reason) {
    return Failure.invalidField("the password " + reason, "password", reason);
  }

  private static Configuration configuration(String... words) {
    List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
    DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("person").setExclusion(true);
    for (String w : words) {
      if (w != null) {
        for (String part : w.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (part.length() >= 3) {
            own.addWord(part, 0);
          }
        }
        own.addWord(w.toLowerCase(Locale.ROOT), 0);
      }
    }
    dictionaries.add(own.createDictionary());
    return new ConfigurationBuilder().setDictionaries(dictionaries).setMinimumEntropy(MINIMUM_ENTROPY)
        .setLocale(Locale.ENGLISH).createConfiguration();
  }
}
