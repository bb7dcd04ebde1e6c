package dev.routerls.cli;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;

/** A small XML writer for the XML formats: the JDK's StAX writer, with text XML 1.0 cannot hold replaced. */
final class Xml implements AutoCloseable {
    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter w;
    private final PrintStream out;

    Xml(PrintStream out) {
        this.out = out;
        try {
            w = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml start(String name, String... attributes) {
        try {
            w.writeStartElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) w.writeAttribute(attributes[i], clean(attributes[i + 1]));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml text(String s) {
        try {
            w.writeCharacters(clean(s));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml end() {
        try {
            w.writeEndElement();
            w.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        out.println(buffer);
    }

    /** Characters XML 1.0 does not allow (most control characters, lone surrogates) become U+FFFD. */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xd7ff || c >= 0xe000 && c <= 0xfffd
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!ok && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) b.append(ok ? c : '\ufffd');
        }
        return b == null ? s : b.toString();
    }
}
