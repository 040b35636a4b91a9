package dev.parapet.bodyprocessors;

import java.io.ByteArrayInputStream;
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
            reader = newFactory().createXMLStreamReader(new ByteArrayInputStream(bytes, 0, valid));
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
