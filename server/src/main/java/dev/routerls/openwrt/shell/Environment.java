package dev.routerls.openwrt.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shell variables, positional parameters and defined functions during evaluation. */
final class Environment {
    final Map<String, ShellValue> variables;
    final Map<String, ShellCommand.FunctionDefinition> functions;
    List<ShellValue> positional;

    Environment() {
        this(new HashMap<>(), new HashMap<>(), new ArrayList<>());
    }

    private Environment(Map<String, ShellValue> variables, Map<String, ShellCommand.FunctionDefinition> functions,
                        List<ShellValue> positional) {
        this.variables = variables;
        this.functions = functions;
        this.positional = positional;
    }

    Environment copy() {
        return new Environment(new HashMap<>(variables), new HashMap<>(functions), new ArrayList<>(positional));
    }

    /**
     * The state after one of several paths ran without knowing which: what all paths agree on is kept,
     * anything else becomes unknown.
     */
    static Environment merge(List<Environment> paths) {
        Environment first = paths.get(0);
        if (paths.size() == 1) return first;
        Set<String> names = new HashSet<>();
        for (Environment e : paths) names.addAll(e.variables.keySet());
        Map<String, ShellValue> vars = new HashMap<>();
        for (String name : names) {
            ShellValue v = first.variables.get(name);
            boolean same = true;
            for (Environment e : paths) same &= java.util.Objects.equals(v, e.variables.get(name));
            vars.put(name, same ? v : ShellValue.unknown("$" + name + " (set differently on paths routerls cannot choose between)"));
        }
        Map<String, ShellCommand.FunctionDefinition> functions = new HashMap<>();
        for (Environment e : paths) functions.putAll(e.functions);
        List<ShellValue> positional = first.positional;
        for (Environment e : paths) {
            if (!e.positional.equals(positional)) {
                positional = List.of(ShellValue.unknown("positional parameters (differ between paths)"));
            }
        }
        return new Environment(vars, functions, new ArrayList<>(positional));
    }
}
