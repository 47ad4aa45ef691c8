package vn.hocba.signing.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;

class VisibleTextTest {

    private static final SignatureBox BOX = new SignatureBox(1, 40, 40, 160, 48);

    @Test
    void showsSignerRoleAndSigningTimeInVietnamTime() {
        SignatureRequest request = new SignatureRequest(BOX, "Nguyễn Thị Hồng Nhung", "Giáo viên chủ nhiệm",
                null, null, Instant.parse("2025-05-30T03:15:00Z"));

        assertThat(DssPdfSigner.visibleText(request)).isEqualTo("""
                Ký bởi: Nguyễn Thị Hồng Nhung
                Giáo viên chủ nhiệm
                Ngày ký: 30/05/2025 10:15""");
    }

    @Test
    void leavesOutAnEmptyRole() {
        SignatureRequest request = new SignatureRequest(BOX, "Trần Văn Đức", null, null, null,
                Instant.parse("2025-05-30T17:30:00Z"));

        assertThat(DssPdfSigner.visibleText(request)).isEqualTo("Ký bởi: Trần Văn Đức\nNgày ký: 31/05/2025 00:30");
    }
}
