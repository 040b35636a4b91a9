package dev.parapet.bodyprocessors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code XML} body processor, built on the JDK's StAX parser with DTDs and external entities
 * disabled (a {@code <!DOCTYPE>} is skipped, entities it would declare stay undeclared and referencing
 * them is a parse error, so nothing external is ever read).
 *
 * <p>It reports one {@link BodyTarget#xml} call: the element text is all character data inside the
 * root element, concatenated in document order with whitespace kept (what ModSecurity returns for
 * {@code XML:/*}, i.e. libxml2's node content of the root); the attribute values are every attribute
 * of every element in document order ({@code XML://@*}), namespace declarations excluded. Values are
 * UTF-8 byte strings. A malformed document is reported as {@code error("XML parsing error: …")} and
 * what was read before the error is still passed to {@code xml(…)}.
 */
public final class XmlBodyProcessor implements BodyProcessor {

    /** Creates the processor; it is stateless. */
    public XmlBodyProcessor() {
    }

    @Override
    public void process(byte[] body, int length, String contentType, BodyLimits limits, BodyTarget target) {
        byte[] bytes = body == null ? new byte[0] : body;
        int valid = Math.max(0, Math.min(length, bytes.length));
        StringBuilder text = new StringBuilder();
        List<String> attributes = new ArrayList<>();
        String error = null;
        XMLStreamReader reader = null;
        try {
            // Decoding here, strictly, keeps the JDK parser from printing "[Fatal Error]" to stderr for
            // every malformed byte sequence, which an attacker could use to flood the logs.
            reader = newFactory().createXMLStreamReader(new java.io.StringReader(decode(bytes, valid)));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.add(utf8(reader.getAttributeValue(i)));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    default -> {
                        // comments, processing instructions, DTD: not content
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            error = "XML parsing error: " + describe(e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException | RuntimeException ignored) {
                    // closing an in-memory reader cannot lose anything
                }
            }
        }
        target.xml(utf8(text.toString()), List.copyOf(attributes));
        if (error != null) {
            target.error(error);
        }
    }

    /** The document as text: UTF-16 by byte-order mark, else the declared encoding, else UTF-8; strict. */
    static String decode(byte[] bytes, int length) throws XMLStreamException {
        java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        int start = 0;
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = java.nio.charset.StandardCharsets.UTF_16BE;
            start = 2;
        } else if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = java.nio.charset.StandardCharsets.UTF_16LE;
            start = 2;
        } else if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else {
            String declared = declaredEncoding(bytes, length);
            if (declared != null) {
                try {
                    charset = java.nio.charset.Charset.forName(declared);
                } catch (RuntimeException e) {
                    throw new XMLStreamException("unsupported encoding '" + declared + "'");
                }
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, start, length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new XMLStreamException("invalid " + charset.name() + " byte sequence");
        }
    }

    /** The encoding named in an XML declaration at the very start, or {@code null}. */
    private static String declaredEncoding(byte[] bytes, int length) {
        if (length < 6 || bytes[0] != '<' || bytes[1] != '?' || bytes[2] != 'x' || bytes[3] != 'm' || bytes[4] != 'l') {
            return null;
        }
        int end = 5;
        while (end < length && end < 256 && bytes[end] != '>') {
            end++;
        }
        String decl = new String(bytes, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = decl.indexOf("encoding");
        if (at < 0) {
            return null;
        }
        int q = at + 8;
        while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=')) {
            q++;
        }
        if (q >= decl.length() || (decl.charAt(q) != '"' && decl.charAt(q) != '\'')) {
            return null;
        }
        int close = decl.indexOf(decl.charAt(q), q + 1);
        return close < 0 ? null : decl.substring(q + 1, close).strip();
    }

    private static XMLInputFactory newFactory() {
        // A fresh factory per body: XMLInputFactory is not specified to be thread-safe.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // StAX prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the position, drop the newline.
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    /** The UTF-8 bytes of {@code s}, one per char. */
    private static String utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }
}
