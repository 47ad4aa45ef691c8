package vn.hocba.archive.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.pki.CertificateAuthority;

/** Which certificate subjects name a staff member (for registering a signer's own certificate). */
class SignerCertificatesTest {

    private static final CertificateAuthority CA =
            CertificateAuthority.createRoot("Test CA", "Trường THCS Mạo Khê II", Clock.systemUTC());

    @Test
    void theSerialNumberOrTheFullNameNamesTheStaffMember() {
        var bySerial = CA.issue("Someone Else", "Trường", "GV012@THCS-MK2").certificate();
        var byBareId = CA.issue("Someone Else", "Trường", "GV012").certificate();
        var byName = CA.issue("Phạm  Hữu Khải", "Trường", null).certificate();
        var decomposed = CA.issue(java.text.Normalizer.normalize("PHẠM HỮU KHẢI", java.text.Normalizer.Form.NFD),
                "Trường", null).certificate();

        assertThat(SignerCertificates.names(bySerial, "THCS-MK2", "GV012", "Phạm Hữu Khải")).isTrue();
        assertThat(SignerCertificates.names(byBareId, "THCS-MK2", "GV012", "Phạm Hữu Khải"))
                .as("a bare staff id repeats across schools").isFalse();
        assertThat(SignerCertificates.names(byName, "THCS-MK2", "GV012", "Phạm Hữu Khải")).isTrue();
        assertThat(SignerCertificates.names(decomposed, "THCS-MK2", "GV012", "Phạm Hữu Khải")).isTrue();
    }

    @Test
    void anotherPersonOrAnotherSchoolsStaffIdDoesNot() {
        var other = CA.issue("Phạm Hữu Khánh", "Trường", "GV013@THCS-MK2").certificate();
        var otherSchool = CA.issue("Someone", "Trường", "GV012@THCS-XYZ").certificate();

        assertThat(SignerCertificates.names(other, "THCS-MK2", "GV012", "Phạm Hữu Khải")).isFalse();
        assertThat(SignerCertificates.names(otherSchool, "THCS-MK2", "GV012", "Phạm Hữu Khải")).isFalse();
    }
}
