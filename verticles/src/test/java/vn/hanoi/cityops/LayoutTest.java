package vn.hanoi.cityops;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.dossier.DossierModule;
import vn.hanoi.cityops.dossier.DossierRepository;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout of the code, as the README's map draws it, kept by a test: the floors and what each may import; the
 * capabilities meet only in the composition root ({@code app/}), which nothing imports. A change that makes an
 * arrow run up fails the build here, with the classes named.
 */
class LayoutTest {
  private static final String ROOT = "vn.hanoi.cityops";
  /** The capabilities: each one room, reachable from another only through its module. */
  static final List<String> CAPABILITIES = List.of("ingest", "health", "dossier", "feedback", "history", "alert",
      "meeting", "oncall", "sim");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** The floors, top to bottom, and what each may import (the floors below it, and only those named). */
  static Architectures.LayeredArchitecture floors() {
    return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false)
        .layer("assembly").definedBy(pkg("app"))
        .layer("capabilities").definedBy(CAPABILITIES.stream().map(LayoutTest::pkg).toArray(String[]::new))
        .layer("city metrics").definedBy(pkg("metrics"))
        .layer("notify").definedBy(pkg("notify"))
        .layer("capability contract").definedBy(pkg("capability"))
        .layer("live").definedBy(pkg("live"))
        .layer("access").definedBy(pkg("auth"))
        .layer("web").definedBy(pkg("web"))
        .layer("city").definedBy(pkg("city"))
        .layer("store").definedBy(pkg("store"))
        .layer("ground").definedBy(pkg("config"), pkg("bus"), pkg("failure"))
        .whereLayer("assembly").mayNotBeAccessedByAnyLayer()
        .whereLayer("capabilities").mayOnlyAccessLayers("notify", "capability contract", "live", "access", "web", "city",
            "store", "ground")
        .whereLayer("city metrics").mayOnlyBeAccessedByLayers("assembly")
        .whereLayer("city metrics").mayOnlyAccessLayers("live", "city", "ground")
        .whereLayer("notify").mayOnlyAccessLayers("access", "web", "city", "store", "ground")
        .whereLayer("capability contract").mayOnlyAccessLayers("live", "access", "web", "city", "store", "ground")
        .whereLayer("live").mayOnlyAccessLayers("access", "web", "city", "store", "ground")
        .whereLayer("access").mayOnlyAccessLayers("web", "city", "store", "ground")
        .whereLayer("web").mayOnlyAccessLayers("city", "store", "ground")
        .whereLayer("city").mayOnlyAccessLayers("store", "ground")
        .whereLayer("store").mayOnlyAccessLayers("ground")
        .whereLayer("ground").mayNotAccessAnyLayer();
  }

  /** A capability reaches another one only through that one's module (and the composition root wires them). */
  static List<ArchRule> capabilitiesMeetOnlyThroughModules() {
    return CAPABILITIES.stream().map(c -> (ArchRule) noClasses().that().resideInAPackage(pkg(c))
        .should().dependOnClassesThat(resideInAnyPackage(others(c)).and(not(simpleNameEndingWith("Module"))))
        .because("capabilities meet in app/, or through a module").allowEmptyShould(true)).toList();
  }

  @Test
  void arrowsRunDownFromTheAssemblyThroughTheCapabilitiesToThePlumbing() {
    floors().check(MAIN);
  }

  @Test
  void capabilitiesImportEachOtherOnlyThroughTheirModules() {
    capabilitiesMeetOnlyThroughModules().forEach(rule -> rule.check(MAIN));
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theRulesCatchAnArrowThatRunsUpAndACapabilityReachingIntoAnother() throws ClassNotFoundException {
    JavaClasses upward = new ClassFileImporter().importClasses(fixture("store.ArrowUpFixture"), DossierModule.class);
    // a few classes leave most floors empty: those may be, here
    assertTrue(floors().withOptionalLayers(true).evaluate(upward).hasViolation(), "a store class importing a capability");
    JavaClasses reaching = new ClassFileImporter().importClasses(fixture("meeting.ReachIntoDossierFixture"),
        DossierRepository.class);
    assertTrue(capabilitiesMeetOnlyThroughModules().stream().anyMatch(r -> r.evaluate(reaching).hasViolation()),
        "a meeting class using dossier's repository");
    JavaClasses fine = new ClassFileImporter().importClasses(DossierModule.class, vn.hanoi.cityops.store.Sql.class);
    assertFalse(floors().withOptionalLayers(true).evaluate(fine).hasViolation(), "a capability importing the plumbing is fine");
  }

  /** The fixtures are package-private classes of the test sources, one in each floor they stand for. */
  private static Class<?> fixture(String name) throws ClassNotFoundException {
    return Class.forName(ROOT + "." + name);
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  private static String[] others(String capability) {
    return CAPABILITIES.stream().filter(c -> !c.equals(capability)).map(LayoutTest::pkg).toArray(String[]::new);
  }
}
