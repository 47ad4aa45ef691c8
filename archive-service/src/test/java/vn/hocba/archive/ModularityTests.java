package vn.hocba.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** House rules: features talk through their public types only; the grading rules stay free of any framework. */
class ModularityTests {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(HocbaApplication.class).verify();
    }

    @Test
    void gradingRulesAreFreeOfSpringAndPersistence() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hocba.archive.grading");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "jakarta..", "tools.jackson..").check(classes);
    }

    @Test
    void theCorrectionPolicyIsFreeOfSpringAndPersistence() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importClasses(vn.hocba.archive.corrections.CorrectionPolicy.class,
                        vn.hocba.archive.corrections.CorrectionStatus.class);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "jakarta..", "tools.jackson..").check(classes);
    }

    @Test
    void storageAndSigningLibrariesAreFreeOfSpring() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hocba.storage", "vn.hocba.signing");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(classes);
    }
}
