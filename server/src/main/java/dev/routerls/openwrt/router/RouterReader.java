package dev.routerls.openwrt.router;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.router.script.ScriptEvaluator;
import dev.routerls.openwrt.router.script.ScriptRun;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciSection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of one router into a {@link Router}. Files are recognised by their place under
 * {@code etc/}: {@code config/<package>}, {@code firewall.user}, {@code rc.local},
 * {@code openwrt_release}; a UCI file elsewhere counts as the package its name says.
 */
public final class RouterReader {
    private RouterReader() {
    }

    /** What kind of router file a document is. */
    public enum Role { UCI, FIREWALL_USER, RC_LOCAL, RELEASE, OTHER }

    public static Role roleOf(SourceFile f) {
        String name = fileName(f.uri());
        if (name.equals("openwrt_release")) return Role.RELEASE;
        if (name.equals("rc.local")) return Role.RC_LOCAL;
        if (name.startsWith("firewall.user")) return Role.FIREWALL_USER;
        if (f.language() == LanguageId.OPENWRT_UCI) return Role.UCI;
        if (f.language() == LanguageId.OPENWRT_FIREWALL_USER) return Role.FIREWALL_USER;
        return Role.OTHER;
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings) {
        return read(files, settings, MapeRuleTable.bundled());
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings, MapeRuleTable table) {
        Map<String, UciFile> packages = new LinkedHashMap<>();
        ShellScript firewallUser = null;
        ShellScript rcLocal = null;
        OpenWrtRelease release = OpenWrtRelease.UNKNOWN;
        String root = null;
        for (SourceFile f : files) {
            if (root == null) root = f.routerRoot();
            switch (roleOf(f)) {
                case UCI -> {
                    UciFile u = UciReader.read(f.uri(), f.text());
                    packages.putIfAbsent(u.packageName(), u);
                }
                case FIREWALL_USER -> {
                    if (firewallUser == null) firewallUser = ShellScript.parse(f.uri(), f.text());
                }
                case RC_LOCAL -> rcLocal = ShellScript.parse(f.uri(), f.text());
                case RELEASE -> release = OpenWrtRelease.fromFile(ShellScript.parse(f.uri(), f.text())).orElse(release);
                case OTHER -> { }
            }
        }
        if (settings.release().isPresent()) release = OpenWrtRelease.fromSetting(settings.release().get());
        ScriptRun run = null;
        if (firewallUser != null) {
            Map<String, UciFile> pk = packages;
            run = ScriptEvaluator.run(firewallUser, key -> uciGet(pk, key));
        }
        return new Router(root, packages, firewallUser, rcLocal, release, run, table);
    }

    /** {@code uci get package.section.option} answered from the parsed files (lists joined by spaces). */
    static Optional<String> uciGet(Map<String, UciFile> packages, String key) {
        String[] parts = key.split("\\.", 3);
        if (parts.length < 2) return Optional.empty();
        UciFile file = packages.get(parts[0]);
        if (file == null) return Optional.empty();
        Optional<UciSection> section = file.sections().stream().filter(s -> s.ref().equals(parts[1])).findFirst();
        if (section.isEmpty()) {
            // @type[-1] style: index from the end
            section = anonymous(file, parts[1]);
        }
        if (section.isEmpty()) return Optional.empty();
        if (parts.length == 2) return Optional.of(section.get().type());
        List<String> values = section.get().values(parts[2]).stream().map(v -> v.text()).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", values));
    }

    private static Optional<UciSection> anonymous(UciFile file, String ref) {
        if (!ref.startsWith("@") || !ref.endsWith("]") || !ref.contains("[")) return Optional.empty();
        String type = ref.substring(1, ref.indexOf('['));
        try {
            int idx = Integer.parseInt(ref.substring(ref.indexOf('[') + 1, ref.length() - 1));
            List<UciSection> of = file.sectionsOfType(type);
            if (idx < 0) idx += of.size();
            return idx >= 0 && idx < of.size() ? Optional.of(of.get(idx)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String fileName(String uri) {
        String p = uri == null ? "" : uri.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
