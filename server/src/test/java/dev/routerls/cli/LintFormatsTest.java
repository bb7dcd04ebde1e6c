package dev.routerls.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.analysis.RuleRegistry;
import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lint output format, read back with a real parser (JSON, XML) or by the rules of its consumer
 * (GitHub workflow commands), over one project: a YAMAHA config with a warning, an error, a secret, a
 * suppressed finding and a file name that needs escaping, and a clean file.
 */
class LintFormatsTest {
    /** Inside the working folder, so paths are reported relative to it (SRCROOT). */
    static final Path project = Path.of("target", "lint-formats-test", "configs").toAbsolutePath();

    static final String ROUTER = """
            # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.11.250/24
            ip lan1 nat descriptor 31
            nat descriptor type 31 nat
            nat descriptor address outer 31 192.168.11.254
            nat descriptor address inner 31 192.168.253.254
            # routerls-disable-next-line yamaha/route-gateway-self -- the lab router forwards to itself on purpose
            ip route 192.168.253.0/24 gateway 192.168.11.250
            description lan1 "never closed
            login password Sx-Format-Secret-1
            """;

    @BeforeAll
    static void project() throws IOException {
        Files.createDirectories(project.resolve("site a"));
        Files.writeString(project.resolve("site a/rtx,1:100%.conf"), ROUTER);
        Files.writeString(project.resolve("clean.conf"), """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                ip lan1 address 192.168.100.1/24
                """);
    }

    static LintRun lint(String format) {
        LintRun r = LintRun.of("lint", "--format", format, "--fail-on", "error", project.toString());
        assertEquals(1, r.exit(), r.describe());
        assertFalse(r.out().contains("Sx-Format-Secret-1"), r.out());
        return r;
    }

    @Test
    void everyRegisteredFormatRunsAndNoneShowsTheSecret() {
        for (String f : OutputFormats.names()) lint(f);
        assertEquals(List.of("text", "compact", "json", "sarif", "github", "checkstyle", "gitlab", "junit"), OutputFormats.names());
    }

    @Test
    void sarifHasTheToolRulesResultsFingerprintsAndSuppressions() {
        JsonObject log = JsonParser.parseString(lint("sarif").out()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        assertTrue(log.get("$schema").getAsString().contains("sarif-2.1.0"));
        JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("routerls", driver.get("name").getAsString());
        for (String k : List.of("version", "semanticVersion", "informationUri")) assertTrue(driver.has(k), k);
        JsonArray rules = driver.getAsJsonArray("rules");
        assertEquals(RuleRegistry.all().size(), rules.size());
        for (JsonElement e : rules) {
            JsonObject r = e.getAsJsonObject();
            for (String k : List.of("id", "name", "shortDescription", "fullDescription", "help", "helpUri",
                    "defaultConfiguration", "properties")) {
                assertTrue(r.has(k), r.get("id") + " lacks " + k);
            }
            assertTrue(r.getAsJsonObject("help").has("markdown"));
            assertTrue(r.get("helpUri").getAsString().endsWith("docs/rules/" + r.get("id").getAsString() + ".md"));
            assertFalse(r.getAsJsonObject("properties").getAsJsonArray("tags").isEmpty());
        }
        assertTrue(run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT").get("uri").getAsString().endsWith("/"));
        List<JsonObject> results = new ArrayList<>();
        run.getAsJsonArray("results").forEach(e -> results.add(e.getAsJsonObject()));
        Set<String> fingerprints = new HashSet<>();
        boolean suppressed = false, proxyArp = false;
        for (JsonObject r : results) {
            int index = r.get("ruleIndex").getAsInt();
            assertEquals(r.get("ruleId").getAsString(), rules.get(index).getAsJsonObject().get("id").getAsString());
            JsonObject loc = r.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
            String uri = loc.getAsJsonObject("artifactLocation").get("uri").getAsString();
            assertFalse(uri.startsWith("/") || uri.contains(" ") || uri.contains(","), uri);
            assertEquals("SRCROOT", loc.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
            JsonObject region = loc.getAsJsonObject("region");
            assertTrue(region.get("startLine").getAsInt() >= 1 && region.get("startColumn").getAsInt() >= 1);
            assertTrue(fingerprints.add(r.getAsJsonObject("partialFingerprints").get(SarifFormat.FINGERPRINT_KEY).getAsString()));
            if (r.has("suppressions")) {
                suppressed = true;
                assertEquals("yamaha/route-gateway-self", r.get("ruleId").getAsString());
                JsonObject s = r.getAsJsonArray("suppressions").get(0).getAsJsonObject();
                assertEquals("inSource", s.get("kind").getAsString());
                assertEquals("the lab router forwards to itself on purpose", s.get("justification").getAsString());
            }
            if (r.get("ruleId").getAsString().equals("yamaha/nat-outer-proxy-arp")) {
                proxyArp = true;
                assertTrue(uri.endsWith("site%20a/rtx%2C1%3A100%25.conf"), uri);
                assertEquals("warning", r.get("level").getAsString());
                assertEquals(3, region.get("startLine").getAsInt());
                assertEquals(24, region.get("startColumn").getAsInt());
                assertEquals(26, region.get("endColumn").getAsInt());
            }
        }
        assertTrue(suppressed && proxyArp, results.toString());
    }

    @Test
    void githubAnnotationsEscapeAsTheToolkitDoes() {
        List<String> lines = lint("github").lines();
        assertFalse(lines.isEmpty());
        String annotation = lines.stream().filter(l -> l.contains("title=yamaha/nat-outer-proxy-arp")).findFirst().orElseThrow();
        assertTrue(annotation.startsWith("::warning file="), annotation);
        // the path's ',' ':' '%' are escaped inside the property; the message keeps its ':' and ','
        assertTrue(annotation.contains("site a/rtx%2C1%3A100%25.conf,line=3,col=24,endLine=3,endColumn=26,title="), annotation);
        assertTrue(annotation.contains("::NAT descriptor 31 is applied"), annotation);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error ") && l.contains("title=yamaha/syntax")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::notice ") && l.contains("title=yamaha/plaintext-secret")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("route-gateway-self")), "suppressed findings are not annotated");
        assertEquals("a%25b%0D%0Ac", GithubFormat.data("a%b\r\nc"));
        assertEquals("a%3Ab%2Cc%25%0A", GithubFormat.property("a:b,c%\n"));
    }

    @Test
    void checkstyleParsesAsXmlWithOneErrorPerFinding() throws Exception {
        Document doc = xml(lint("checkstyle").out());
        assertEquals("checkstyle", doc.getDocumentElement().getTagName());
        NodeList files = doc.getElementsByTagName("file");
        assertEquals(2, files.getLength());
        Element router = null;
        for (int i = 0; i < files.getLength(); i++) {
            Element f = (Element) files.item(i);
            if (f.getAttribute("name").endsWith("rtx,1:100%.conf")) router = f;
        }
        assertTrue(router != null);
        NodeList errors = router.getElementsByTagName("error");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < errors.getLength(); i++) {
            Element e = (Element) errors.item(i);
            sources.add(e.getAttribute("source") + "@" + e.getAttribute("line") + ":" + e.getAttribute("severity"));
            assertFalse(e.getAttribute("message").isBlank());
        }
        assertTrue(sources.contains("routerls.yamaha/nat-outer-proxy-arp@3:warning"), sources.toString());
        assertTrue(sources.contains("routerls.yamaha/syntax@9:error"), sources.toString());
        assertTrue(sources.contains("routerls.yamaha/plaintext-secret@10:info"), sources.toString());
    }

    @Test
    void gitlabCodeQualityIsAJsonArrayWithUniqueFingerprints() {
        JsonArray issues = JsonParser.parseString(lint("gitlab").out()).getAsJsonArray();
        Set<String> fps = new HashSet<>();
        boolean major = false;
        for (JsonElement e : issues) {
            JsonObject o = e.getAsJsonObject();
            for (String k : List.of("description", "check_name", "fingerprint", "severity", "location")) assertTrue(o.has(k), k);
            assertTrue(fps.add(o.get("fingerprint").getAsString()));
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(o.get("severity").getAsString()));
            JsonObject loc = o.getAsJsonObject("location");
            assertTrue(loc.get("path").getAsString().endsWith("site a/rtx,1:100%.conf"), loc.toString());
            assertTrue(loc.getAsJsonObject("lines").get("begin").getAsInt() >= 1);
            if (o.get("check_name").getAsString().equals("yamaha/syntax")) major = o.get("severity").getAsString().equals("major");
        }
        assertTrue(major, issues.toString());
    }

    @Test
    void junitHasATestCasePerFileAndAFailurePerFinding() throws Exception {
        Document doc = xml(lint("junit").out());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        int failures = doc.getElementsByTagName("failure").getLength();
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(failures), suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("tests"));
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            int own = c.getElementsByTagName("failure").getLength();
            assertEquals(c.getAttribute("name").endsWith("clean.conf") ? 0 : failures, own);
        }
    }

    @Test
    void textGroupsByFileShowsTheLineWithACaretAndNoColourOffATerminal() {
        LintRun r = lint("text");
        List<String> lines = r.lines();
        assertFalse(r.out().contains("\u001b["), "no colour when stdout is not a terminal");
        int header = lines.indexOf(project.resolve("site a/rtx,1:100%.conf").toString());
        assertTrue(header >= 0, r.out());
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("  3:24  warning  NAT descriptor 31")) at = i;
        assertTrue(at > header, r.out());
        assertEquals("    3 | ip lan1 nat descriptor 31", lines.get(at + 1));
        assertEquals("      |                        ^^", lines.get(at + 2));
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ problems \\(1 error, 1 warning, 1 info, 0 hints\\) in 1 of 2 files checked"),
                lines.get(lines.size() - 1));
        assertTrue(r.out().contains("login password ********"), "secret lines are shown masked: " + r.out());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        dev.routerls.core.Diagnostic d = new dev.routerls.core.Diagnostic("yamaha/syntax", dev.routerls.core.Severity.ERROR,
                "file:///r.conf", dev.routerls.core.SourceRange.of(0, 3, 5), "bad");
        LintResult r = new LintResult(List.of(new LintResult.FileReport("r.conf", "r.conf", dev.routerls.core.LanguageId.YAMAHA_RTX,
                List.of(new LintResult.Finding(d, "f:1", "ip lan1", true, null)), List.of())), RuleRegistry.all(), "file:///");
        for (boolean tty : new boolean[]{true, false}) {
            for (boolean noColor : new boolean[]{true, false}) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                new TextFormat().write(r, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8), new Terminal(tty, false, noColor));
                String out = bytes.toString(StandardCharsets.UTF_8);
                assertEquals(tty && !noColor, out.contains("\u001b["), "tty " + tty + ", NO_COLOR " + noColor + ": " + out);
                assertTrue(out.contains("ip lan1") && out.contains("^^"), out);
            }
        }
    }

    @Test
    void quietReportsErrorsOnly() {
        LintRun r = LintRun.of("lint", "--quiet", "--format", "compact", project.toString());
        assertEquals(1, r.exit());
        List<String> findings = r.lines().subList(0, r.lines().size() - 1);
        assertFalse(findings.isEmpty());
        assertTrue(findings.stream().allMatch(l -> l.contains(": error ")), r.out());
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
