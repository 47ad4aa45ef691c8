package vn.hocba.signing.dss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One copy of the visible-signature font per file (issue 15: "embed one font for all visible signatures of a file").
 *
 * <p>DSS's native drawer builds each appearance in a template document of its own, which PDFBox copies into the
 * file, font included: 15 copies in a record. When the new signature was drawn with the whole shared font
 * ({@link VisibleSignatureFont#sharedFontFor}) and an earlier signature of the file embedded that same font (the same
 * objects, value for value and byte for byte: {@link VisibleSignatureFont#isShared}), the new appearance's font
 * resource is pointed at the earlier copy before the revision is written; the template's copy, no longer referred
 * to, is not written. The appearance draws
 * the same glyphs (the same font program, the same glyph ids: the whole font, not a subset), so nothing on the page
 * changes. PDF/A-2 (ISO 19005-2 6.2.11.4) needs every font embedded with the glyphs used: the shared copy holds the
 * whole shared repertoire (the Vietnamese alphabet, ASCII, name punctuation).
 */
final class SharedSignatureFont {

    private SharedSignatureFont() {
    }

    /** Points the new signature field's appearance at the file's earlier copy of the shared font, if there is one. */
    static void share(PDDocument document, VisibleSignatureFont font) {
        var form = document.getDocumentCatalog().getAcroForm(null);
        COSArray fields = form == null ? null : form.getCOSObject().getCOSArray(COSName.FIELDS);
        if (fields == null) {
            return;
        }
        // the new field is a dictionary not yet in the file; the earlier ones are references to objects of the file
        List<COSDictionary> added = new ArrayList<>();
        List<COSObject> earlier = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            COSBase item = fields.get(i);
            if (item instanceof COSObject reference) {
                earlier.add(reference);
            } else if (item instanceof COSDictionary field) {
                added.add(field);
            }
        }
        // the new appearances' font entries drawn with the shared font (recognised without reading the program)
        List<Map.Entry<COSDictionary, COSName>> drawnShared = new ArrayList<>();
        for (COSDictionary field : added) {
            COSDictionary fonts = appearanceFonts(field);
            for (COSName name : fonts == null ? List.<COSName>of() : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary candidate && font.isWhole(candidate)) {
                    drawnShared.add(Map.entry(fonts, name));
                }
            }
        }
        if (drawnShared.isEmpty()) {
            return; // drawn with a subset of its own (text outside the shared repertoire): nothing to share
        }
        COSObject copy = null;
        for (COSObject reference : earlier) {
            if (reference.getObject() instanceof COSDictionary field && (copy = sharedFontOf(field, font)) != null) {
                break;
            }
        }
        if (copy == null) {
            return; // the first signature drawn with it: its copy is written, and the later ones use it
        }
        for (Map.Entry<COSDictionary, COSName> entry : drawnShared) {
            entry.getKey().setItem(entry.getValue(), copy);
        }
    }

    /** The reference to the shared font in a field's appearance, or null. */
    private static COSObject sharedFontOf(COSDictionary field, VisibleSignatureFont font) {
        COSDictionary fonts = appearanceFonts(field);
        if (fonts == null) {
            return null;
        }
        for (COSName name : fonts.keySet()) {
            if (fonts.getItem(name) instanceof COSObject reference && reference.getObject() instanceof COSDictionary f
                    && font.isShared(f)) {
                return reference;
            }
        }
        return null;
    }

    /** The /Font dictionary of a field's normal appearance's resources, or null. */
    private static COSDictionary appearanceFonts(COSDictionary field) {
        COSDictionary appearance = field.getCOSDictionary(COSName.AP);
        if (appearance == null || !(appearance.getDictionaryObject(COSName.N) instanceof COSDictionary normal)) {
            return null;
        }
        COSDictionary resources = normal.getCOSDictionary(COSName.RESOURCES);
        return resources == null ? null : resources.getCOSDictionary(COSName.FONT);
    }
}
