package vn.hocba.archive.grading;

/**
 * The year titles a student may earn (TT22 Điều 15, khen thưởng). No title is {@code null}.
 */
public enum Title {
    /** Học sinh Xuất sắc: conduct Tốt, learning Tốt, at least 6 subjects with ĐTBmcn ≥ 9.0. */
    XUAT_SAC,
    /** Học sinh Giỏi: conduct Tốt and learning Tốt. */
    GIOI
}
