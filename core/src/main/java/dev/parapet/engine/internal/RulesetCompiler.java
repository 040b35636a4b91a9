package dev.parapet.engine.internal;

import dev.parapet.operators.internal.LiteralScreen;
import dev.parapet.actions.Action;
import dev.parapet.actions.ActionRegistry;
import dev.parapet.actions.ActionType;
import dev.parapet.actions.CtlAction;
import dev.parapet.actions.Disruptive;
import dev.parapet.actions.IdRanges;
import dev.parapet.bodyprocessors.BodyLimits;
import dev.parapet.engine.BodyLimitAction;
import dev.parapet.engine.EngineSettings;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.operators.OperatorArgs;
import dev.parapet.operators.OperatorFactory;
import dev.parapet.operators.OperatorRegistry;
import dev.parapet.operators.internal.KeyRegex;
import dev.parapet.operators.internal.ModSecRegex;
import dev.parapet.seclang.ActionSpec;
import dev.parapet.seclang.Directive;
import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import dev.parapet.seclang.VariableSpec;
import dev.parapet.transformations.Transformation;
import dev.parapet.variables.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns SecLang directives into a {@link Program}. Rule exclusions and updates
 * ({@code SecRuleRemove*}, {@code SecRuleUpdate*}) change the rules loaded before them, as in
 * ModSecurity. Every error is a {@link SecLangException} naming file and line.
 */
public final class RulesetCompiler {

    /** The entries of the rule list in load order: rules and markers. */
    private final List<RuleDraft> entries = new ArrayList<>();
    private final Set<Integer> ids = new HashSet<>();
    private final Map<Integer, List<Action>> defaultActions = new HashMap<>();
    private final List<String> componentSignatures = new ArrayList<>();
    private RuleDraft openChain;
    private Directive openChainDirective;

    // Engine settings, starting from ModSecurity's recommended configuration.
    private RuleEngineMode ruleEngine;
    private boolean requestBodyAccess;
    private long requestBodyLimit;
    private long requestBodyNoFilesLimit;
    private BodyLimitAction requestBodyLimitAction;
    private int jsonDepthLimit;
    private int argumentsLimit;
    private boolean responseBodyAccess;
    private Set<String> responseMimeTypes;
    private long responseBodyLimit;
    private BodyLimitAction responseBodyLimitAction;
    private String auditEngine;
    private String auditLogParts;

    public RulesetCompiler() {
        EngineSettings d = EngineSettings.defaults();
        ruleEngine = d.ruleEngine();
        requestBodyAccess = d.requestBodyAccess();
        requestBodyLimit = d.requestBodyLimit();
        requestBodyNoFilesLimit = d.requestBodyNoFilesLimit();
        requestBodyLimitAction = d.requestBodyLimitAction();
        jsonDepthLimit = d.requestBodyJsonDepthLimit();
        argumentsLimit = d.argumentsLimit();
        responseBodyAccess = d.responseBodyAccess();
        responseMimeTypes = new LinkedHashSet<>(d.responseBodyMimeTypes());
        responseBodyLimit = d.responseBodyLimit();
        responseBodyLimitAction = d.responseBodyLimitAction();
        auditEngine = d.auditEngine();
        auditLogParts = d.auditLogParts();
    }

    /** Applies directives in order. */
    public void add(List<Directive> directives) {
        for (Directive d : directives) {
            try {
                apply(d);
            } catch (SecLangException e) {
                if (e.file() == null) {
                    throw d.error(e.getMessage(), e);
                }
                throw e;
            } catch (RuntimeException e) {
                throw d.error(d.name() + ": " + e, e);
            }
        }
    }

    private void apply(Directive d) {
        List<String> a = d.arguments();
        String name = d.name().toLowerCase(Locale.ROOT);
        if (openChain != null && !name.equals("secrule")) {
            throw d.error("rule " + openChainDirective.line() + " ends with 'chain' but is followed by "
                    + d.name() + " instead of a SecRule");
        }
        switch (name) {
            case "secrule" -> secRule(d, a);
            case "secaction" -> secAction(d, a);
            case "secmarker" -> {
                exactly(d, 1);
                entries.add(new RuleDraft(d.file(), d.line(), a.get(0)));
            }
            case "secdefaultaction" -> secDefaultAction(d, a);
            case "secruleengine" -> ruleEngine = RuleEngineMode.parse(single(d));
            case "secrequestbodyaccess" -> requestBodyAccess = onOff(d);
            case "secresponsebodyaccess" -> responseBodyAccess = onOff(d);
            case "secrequestbodylimit" -> requestBodyLimit = positiveLong(d);
            case "secrequestbodynofileslimit" -> requestBodyNoFilesLimit = positiveLong(d);
            case "secrequestbodyinmemorylimit" -> positiveLong(d); // everything is buffered in memory
            case "secrequestbodylimitaction" -> requestBodyLimitAction = limitAction(d);
            case "secresponsebodylimit" -> responseBodyLimit = positiveLong(d);
            case "secresponsebodylimitaction" -> responseBodyLimitAction = limitAction(d);
            case "secrequestbodyjsondepthlimit" -> jsonDepthLimit = (int) Math.min(Integer.MAX_VALUE, positiveLong(d));
            case "secargumentslimit" -> argumentsLimit = (int) Math.min(Integer.MAX_VALUE, positiveLong(d));
            case "secresponsebodymimetype" -> {
                atLeast(d, 1);
                for (String arg : a) {
                    for (String t : arg.split("\\s+")) {
                        if (!t.isEmpty()) {
                            responseMimeTypes.add(t.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            case "secresponsebodymimetypesclear" -> responseMimeTypes.clear();
            case "seccomponentsignature" -> componentSignatures.add(single(d));
            case "secauditengine" -> auditEngine = CtlAction.auditEngineMode(single(d));
            case "secauditlogparts" -> {
                String v = single(d);
                if (!v.matches("[A-KZ]+")) {
                    throw d.error("SecAuditLogParts takes letters A-K and Z, got '" + v + "'");
                }
                auditLogParts = v;
            }
            case "secruleremovebyid" -> {
                atLeast(d, 1);
                IdRanges ranges = IdRanges.parse(String.join(" ", a));
                removeRules(r -> ranges.test(r.id));
            }
            case "secruleremovebytag" -> {
                org.safere.Pattern p = regex(d, single(d));
                removeRules(r -> r.tags.stream().anyMatch(t -> p.matcher(t).find()));
            }
            case "secruleremovebymsg" -> {
                org.safere.Pattern p = regex(d, single(d));
                removeRules(r -> p.matcher(r.messageText()).find());
            }
            case "secruleupdatetargetbyid" -> updateTargets(d, selectById(d), a);
            case "secruleupdatetargetbytag" -> {
                org.safere.Pattern p = regex(d, a.isEmpty() ? "" : a.get(0));
                updateTargets(d, r -> r.tags.stream().anyMatch(t -> p.matcher(t).find()), a);
            }
            case "secruleupdatetargetbymsg" -> {
                org.safere.Pattern p = regex(d, a.isEmpty() ? "" : a.get(0));
                updateTargets(d, r -> p.matcher(r.messageText()).find(), a);
            }
            case "secruleupdateactionbyid" -> updateActions(d, a);
            // Directives about the host server, files or logs that an embedded engine does not own.
            // They are accepted so that shared configurations (modsecurity.conf) load unchanged.
            case "secauditlog", "secauditlog2", "secauditlogtype", "secauditlogformat",
                 "secauditlogrelevantstatus", "secauditlogstoragedir", "secauditlogdirmode",
                 "secauditlogfilemode", "secdebuglog", "secdebugloglevel", "sectmpdir", "secdatadir",
                 "secuploaddir", "secuploadkeepfiles", "secuploadfilemode", "secuploadfilelimit",
                 "seccollectiontimeout", "secpcrematchlimit", "secpcrematchlimitrecursion",
                 "secunicodemapfile", "secstatusengine", "secserversignature", "secwebappid",
                 "seccookieformat", "secargumentseparator", "sectmpsaverequestbody",
                 "secrequestbodyprocessor", "secgeolookupdb", "sechttpblkey", "secconnengine",
                 "secinterceptonerror", "secsensorid", "seccachetransformations" -> {
                // no effect
            }
            default -> throw d.error("unknown directive '" + d.name() + "'");
        }
    }

    // ---- rules --------------------------------------------------------------------------------

    private void secRule(Directive d, List<String> a) {
        if (a.size() < 2 || a.size() > 3) {
            throw d.error("SecRule needs VARIABLES OPERATOR [ACTIONS], got " + a.size() + " arguments");
        }
        List<ActionSpec> actions = a.size() == 3 ? parseActions(d, a.get(2)) : List.of();
        RuleDraft draft = newDraft(d, actions, openChain != null);
        try {
            draft.targets.addAll(VariableSpec.parseList(a.get(0)));
        } catch (SecLangException e) {
            throw d.error(e.getMessage() + " in targets '" + a.get(0) + "'", e);
        }
        for (VariableSpec v : draft.targets) {
            checkTarget(d, v);
        }
        parseOperator(d, draft, a.get(1));
        draft.source = "SecRule " + a.get(0) + " \"" + a.get(1) + "\"";
        attach(d, draft);
    }

    /** Fails at the directive for an unknown variable or a regex selector that does not compile. */
    private static void checkTarget(Directive d, VariableSpec v) {
        if (Variable.lookup(v.collection()).isEmpty()) {
            throw d.error("unknown variable '" + v.collection() + "'");
        }
        if (v.regex()) {
            try {
                ModSecRegex.compile(v.selector(), true);
            } catch (RuntimeException e) {
                throw d.error("invalid regex selector in '" + v + "': " + e.getMessage(), e);
            }
        }
    }

    private void secAction(Directive d, List<String> a) {
        if (a.size() != 1) {
            throw d.error("SecAction needs exactly one action list, got " + a.size() + " arguments");
        }
        RuleDraft draft = newDraft(d, parseActions(d, a.get(0)), false);
        draft.operatorName = "unconditionalMatch";
        draft.operatorArgument = "";
        draft.operator = (ctx, in) -> true;
        draft.source = "SecAction";
        attach(d, draft);
    }

    private List<ActionSpec> parseActions(Directive d, String text) {
        try {
            return ActionSpec.parseList(text);
        } catch (SecLangException e) {
            throw d.error(e.getMessage(), e);
        }
    }

    private RuleDraft newDraft(Directive d, List<ActionSpec> specs, boolean chainLink) {
        RuleDraft draft = new RuleDraft(d.file(), d.line(), null);
        List<Action> actions = new ArrayList<>(specs.size());
        for (ActionSpec spec : specs) {
            actions.add(ActionRegistry.create(spec.name(), spec.value()));
        }
        int phase = 2;
        for (Action action : actions) {
            if (action instanceof dev.parapet.actions.PhaseAction p) {
                phase = p.phase();
            }
        }
        if (chainLink) {
            for (Action action : actions) {
                if (action.type() == ActionType.DISRUPTIVE || action instanceof dev.parapet.actions.IdAction
                        || action instanceof dev.parapet.actions.PhaseAction
                        || action instanceof dev.parapet.actions.SkipAfterAction
                        || action instanceof dev.parapet.actions.SkipAction) {
                    throw d.error("a chained rule cannot carry '" + action.getClass().getSimpleName()
                            .replace("Action", "").toLowerCase(Locale.ROOT)
                            + "': only the chain starter may have id, phase, disruptive or skip actions");
                }
            }
            phase = openChain.phase;
        }
        List<Action> defaults = defaultActions.get(phase);
        if (defaults != null) {
            for (Action action : defaults) {
                // Chained links inherit only the transformations; flags and disruptive actions belong to the starter.
                if (!chainLink || action instanceof dev.parapet.actions.TransformationAction) {
                    action.configure(draft);
                }
            }
        }
        for (Action action : actions) {
            if (action.type() == ActionType.NON_DISRUPTIVE) {
                draft.onMatch(action);
            } else {
                action.configure(draft);
            }
        }
        draft.phase = phase;
        // `block` means the SecDefaultAction in force where the rule is written, as ModSecurity reads it.
        draft.blockDefaults = defaultsOf(phase);
        return draft;
    }

    private void parseOperator(Directive d, RuleDraft draft, String text) {
        String op = text;
        int i = 0;
        while (i < op.length() && Character.isWhitespace(op.charAt(i))) {
            i++;
        }
        boolean negated = false;
        if (i < op.length() && op.charAt(i) == '!') {
            negated = true;
            i++;
        }
        String name;
        String argument;
        if (i < op.length() && op.charAt(i) == '@') {
            int end = i + 1;
            while (end < op.length() && !Character.isWhitespace(op.charAt(end))) {
                end++;
            }
            name = op.substring(i + 1, end);
            argument = end < op.length() ? op.substring(end + 1) : "";
        } else {
            name = "rx";
            argument = op.substring(i);
        }
        OperatorFactory factory = OperatorRegistry.lookup(name)
                .orElseThrow(() -> d.error("unknown operator '@" + name + "'"));
        draft.operatorName = name;
        draft.operatorArgument = argument;
        draft.negated = negated;
        try {
            draft.operator = factory.create(new OperatorArgs(name, argument, dataFileReader(d)));
        } catch (SecLangException e) {
            throw d.error("operator @" + name + ": " + e.getMessage(), e);
        }
    }

    private static Function<String, List<String>> dataFileReader(Directive d) {
        return fileName -> {
            Path path = Path.of(fileName);
            if (!path.isAbsolute()) {
                if (d.baseDirectory() == null) {
                    throw new SecLangException("data file '" + fileName + "' is relative but the rules have no directory");
                }
                path = d.baseDirectory().resolve(fileName);
            }
            try {
                return Files.readAllLines(path, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new SecLangException("cannot read data file " + path + ": " + e.getMessage(), e);
            }
        };
    }

    private void attach(Directive d, RuleDraft draft) {
        if (openChain != null) {
            openChain.chained = draft;
            RuleDraft starter = findStarter(openChain);
            openChain = draft.chain ? draft : null;
            if (openChain == null) {
                openChainDirective = null;
            }
            if (starter == null) {
                throw d.error("internal: chain without starter");
            }
            return;
        }
        if (draft.id == 0) {
            throw d.error("rule has no id (every SecRule and SecAction needs id:N)");
        }
        if (!ids.add(draft.id)) {
            throw d.error("duplicate rule id " + draft.id);
        }
        if (draft.chain) {
            openChain = draft;
            openChainDirective = d;
        }
        entries.add(draft);
    }

    private RuleDraft findStarter(RuleDraft link) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            RuleDraft r = entries.get(i);
            for (RuleDraft x = r; x != null; x = x.chained) {
                if (x == link) {
                    return r;
                }
            }
        }
        return null;
    }

    private void secDefaultAction(Directive d, List<String> a) {
        exactly(d, 1);
        List<Action> actions = new ArrayList<>();
        int phase = 0;
        boolean disruptive = false;
        for (ActionSpec spec : parseActions(d, a.get(0))) {
            Action action = ActionRegistry.create(spec.name(), spec.value());
            if (action instanceof dev.parapet.actions.PhaseAction p) {
                phase = p.phase();
                continue;
            }
            if (action.type() == ActionType.METADATA && !(action instanceof dev.parapet.actions.TagAction)) {
                throw d.error("SecDefaultAction cannot carry metadata action '" + spec.name() + "'");
            }
            if (action.type() == ActionType.DISRUPTIVE) {
                disruptive = true;
            }
            actions.add(action);
        }
        if (phase == 0) {
            throw d.error("SecDefaultAction needs a phase");
        }
        if (!disruptive) {
            throw d.error("SecDefaultAction needs a disruptive action (pass, deny, …)");
        }
        defaultActions.put(phase, List.copyOf(actions));
    }

    // ---- exclusions and updates ---------------------------------------------------------------

    private void removeRules(Predicate<RuleDraft> which) {
        entries.removeIf(r -> !r.isMarker() && which.test(r));
    }

    private Predicate<RuleDraft> selectById(Directive d) {
        if (d.arguments().isEmpty()) {
            throw d.error(d.name() + " needs a rule id");
        }
        IdRanges ranges = IdRanges.parse(d.arguments().get(0));
        return r -> ranges.test(r.id);
    }

    private void updateTargets(Directive d, Predicate<RuleDraft> which, List<String> a) {
        if (a.size() < 2 || a.size() > 3) {
            throw d.error(d.name() + " needs a selector and a target list");
        }
        List<VariableSpec> specs = VariableSpec.parseList(a.get(1));
        for (VariableSpec v : specs) {
            checkTarget(d, v);
        }
        List<VariableSpec> replaced = a.size() == 3 ? VariableSpec.parseList(a.get(2)) : List.of();
        for (RuleDraft r : entries) {
            if (!r.isMarker() && which.test(r)) {
                for (VariableSpec old : replaced) {
                    r.targets.removeIf(t -> t.toString().equalsIgnoreCase(old.toString()));
                }
                r.targets.addAll(specs);
            }
        }
    }

    private void updateActions(Directive d, List<String> a) {
        exactly(d, 2);
        IdRanges ranges = IdRanges.parse(a.get(0));
        List<Action> actions = new ArrayList<>();
        for (ActionSpec spec : parseActions(d, a.get(1))) {
            Action action = ActionRegistry.create(spec.name(), spec.value());
            if (action instanceof dev.parapet.actions.IdAction || action instanceof dev.parapet.actions.PhaseAction) {
                throw d.error("SecRuleUpdateActionById cannot change a rule's id or phase");
            }
            actions.add(action);
        }
        for (RuleDraft r : entries) {
            if (!r.isMarker() && ranges.test(r.id)) {
                for (Action action : actions) {
                    if (action.type() == ActionType.NON_DISRUPTIVE) {
                        r.onMatch(action);
                    } else {
                        action.configure(r);
                    }
                }
            }
        }
    }

    // ---- compile ------------------------------------------------------------------------------

    /** Freezes everything read so far into an immutable program. */
    public Program compile() {
        if (openChain != null) {
            throw openChainDirective.error("rule ends with 'chain' but no SecRule follows");
        }
        EngineSettings settings = new EngineSettings(ruleEngine, requestBodyAccess, requestBodyLimit,
                requestBodyNoFilesLimit, requestBodyLimitAction, jsonDepthLimit, argumentsLimit,
                responseBodyAccess, responseMimeTypes, responseBodyLimit, responseBodyLimitAction,
                auditEngine, auditLogParts);
        PipelineInterner interner = new PipelineInterner();
        List<List<CompiledRule>> phaseRules = new ArrayList<>();
        List<Map<String, List<Integer>>> markers = new ArrayList<>();
        for (int p = 0; p <= 5; p++) {
            phaseRules.add(new ArrayList<>());
            markers.add(new HashMap<>());
        }
        int ruleCount = 0;
        for (RuleDraft r : entries) {
            if (r.isMarker()) {
                for (int p = 1; p <= 5; p++) {
                    markers.get(p).computeIfAbsent(r.markerName, k -> new ArrayList<>()).add(phaseRules.get(p).size());
                }
                continue;
            }
            CompiledRule compiled = compileRule(r, interner,
                    r.blockDefaults != null ? r.blockDefaults : defaultsOf(r.phase));
            compiled.index = ruleCount++;
            phaseRules.get(r.phase).add(compiled);
        }
        CompiledRule[][] phases = new CompiledRule[6][];
        for (int p = 0; p <= 5; p++) {
            List<CompiledRule> list = phaseRules.get(p);
            for (int i = 0; i < list.size(); i++) {
                CompiledRule rule = list.get(i);
                if (rule.skipAfter != null) {
                    rule.skipAfterIndex = resolveSkipAfter(rule, i, list, markers.get(p));
                }
            }
            phases[p] = list.toArray(new CompiledRule[0]);
        }
        return new Program(settings, phases, interner.transformationCount(), interner.pipelineCount(), ruleCount, List.copyOf(componentSignatures),
                screen(phases));
    }

    /**
     * Gives every rule and chain link whose operator declares required literals its slots in one shared
     * screen. Equal literal sets share a slot (CRS repeats clauses such as SQL keywords across rules).
     */
    private static LiteralScreen screen(CompiledRule[][] phases) {
        Map<Set<String>, Integer> distinct = new LinkedHashMap<>();
        List<CompiledRule> links = new ArrayList<>();
        for (CompiledRule[] phase : phases) {
            for (CompiledRule top : phase) {
                for (CompiledRule link = top; link != null; link = link.chained) {
                    List<Set<String>> clauses = link.operator.requiredLiterals();
                    if (!clauses.isEmpty()) {
                        links.add(link);
                        for (Set<String> clause : clauses) {
                            distinct.putIfAbsent(clause, distinct.size());
                        }
                    }
                }
            }
        }
        for (CompiledRule link : links) {
            List<Set<String>> clauses = link.operator.requiredLiterals();
            int[] slots = new int[clauses.size()];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = distinct.get(clauses.get(k));
            }
            link.screenSlots = slots;
        }
        return LiteralScreen.build(new ArrayList<>(distinct.keySet()));
    }

    private static int resolveSkipAfter(CompiledRule rule, int index, List<CompiledRule> list,
            Map<String, List<Integer>> markers) {
        List<Integer> positions = markers.get(rule.skipAfter);
        if (positions != null) {
            for (int pos : positions) {
                if (pos > index) {
                    return pos;
                }
            }
        }
        for (int j = index + 1; j < list.size(); j++) {
            if (String.valueOf(list.get(j).id).equals(rule.skipAfter)) {
                return j + 1;
            }
        }
        // ModSecurity skips to the end of the phase when the marker is not found after the rule.
        return list.size();
    }

    private DefaultDisruption defaultsOf(int phase) {
        RuleDraft probe = new RuleDraft("<default>", 0, null);
        List<Action> defaults = defaultActions.get(phase);
        if (defaults != null) {
            for (Action a : defaults) {
                a.configure(probe);
            }
        }
        Disruptive disruptive = probe.disruptive == null ? Disruptive.PASS : probe.disruptive;
        return new DefaultDisruption(disruptive, probe.status, probe.redirect);
    }

    /** What {@code block} resolves to: the disruptive action of a phase's SecDefaultAction. */
    record DefaultDisruption(Disruptive disruptive, int status, MacroString redirect) {
    }

    private CompiledRule compileRule(RuleDraft r, PipelineInterner interner, DefaultDisruption defaults) {
        CompiledRule chained = r.chained == null ? null : compileRule(r.chained, interner, defaults);
        List<Target> targets = new ArrayList<>();
        List<Target> exclusions = new ArrayList<>();
        for (VariableSpec spec : r.targets) {
            Target t = compileTarget(r, spec);
            if (spec.exclusion()) {
                exclusions.add(t);
            } else {
                targets.add(t);
            }
        }
        Disruptive disruptive = r.disruptive == null ? Disruptive.PASS : r.disruptive;
        int status = r.status;
        MacroString redirect = r.redirect;
        if (disruptive == Disruptive.BLOCK) {
            disruptive = defaults.disruptive();
            if (status == 0) {
                status = defaults.status();
            }
            if (redirect == null) {
                redirect = defaults.redirect();
            }
        }
        boolean log = r.log == null || r.log;
        boolean auditLog = r.auditLog == null ? log : r.auditLog;
        return new CompiledRule(r, targets.toArray(new Target[0]), exclusions.toArray(new Target[0]),
                interner.intern(r.transformations), log, auditLog, disruptive, status, redirect, chained);
    }

    /** Compiles a target or exclusion of a rule (also used for ctl target removals). */
    public static Target compileTarget(RuleDraft r, VariableSpec spec) {
        Variable variable = Variable.lookup(spec.collection())
                .orElseThrow(() -> new SecLangException(r.file, r.line, "unknown variable '" + spec.collection() + "'"));
        return compileTarget(variable, spec);
    }

    /** Compiles one target spec whose variable is known. */
    public static Target compileTarget(Variable variable, VariableSpec spec) {
        String key = spec.selector();
        KeyRegex regex = null;
        if (spec.regex()) {
            regex = KeyRegex.of(ModSecRegex.compile(key, true));
        }
        return new Target(variable, key, key == null ? null : key.toLowerCase(Locale.ROOT), regex, spec.count());
    }

    /** Gives each transformation name one id and shares equal pipelines. */
    private static final class PipelineInterner {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<List<String>, TransformPipeline> pipelines = new HashMap<>();

        TransformPipeline intern(List<Transformation> steps) {
            if (steps.isEmpty()) {
                return TransformPipeline.EMPTY;
            }
            List<String> names = new ArrayList<>();
            for (Transformation t : steps) {
                names.add(t.name().toLowerCase(Locale.ROOT));
            }
            return pipelines.computeIfAbsent(List.copyOf(names), k -> {
                int[] s = new int[steps.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = ids.computeIfAbsent(names.get(i), x -> ids.size());
                }
                return new TransformPipeline(steps.toArray(new Transformation[0]), s, pipelines.size() + 1);
            });
        }

        int transformationCount() {
            return ids.size();
        }

        int pipelineCount() {
            return pipelines.size() + 1;
        }
    }

    // ---- argument helpers ---------------------------------------------------------------------

    private static void exactly(Directive d, int n) {
        if (d.arguments().size() != n) {
            throw d.error(d.name() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + d.arguments().size());
        }
    }

    private static void atLeast(Directive d, int n) {
        if (d.arguments().size() < n) {
            throw d.error(d.name() + " needs at least " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    private static String single(Directive d) {
        exactly(d, 1);
        return d.arguments().get(0).strip();
    }

    private static boolean onOff(Directive d) {
        String v = single(d);
        if (v.equalsIgnoreCase("on")) {
            return true;
        }
        if (v.equalsIgnoreCase("off")) {
            return false;
        }
        throw d.error(d.name() + " takes On or Off, got '" + v + "'");
    }

    private static long positiveLong(Directive d) {
        String v = single(d);
        try {
            long n = Long.parseLong(v);
            if (n <= 0) {
                throw d.error(d.name() + " needs a positive number, got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw d.error(d.name() + " needs a number, got '" + v + "'");
        }
    }

    private static BodyLimitAction limitAction(Directive d) {
        String v = single(d);
        if (v.equalsIgnoreCase("Reject")) {
            return BodyLimitAction.REJECT;
        }
        if (v.equalsIgnoreCase("ProcessPartial")) {
            return BodyLimitAction.PROCESS_PARTIAL;
        }
        throw d.error(d.name() + " takes Reject or ProcessPartial, got '" + v + "'");
    }

    private static org.safere.Pattern regex(Directive d, String regex) {
        try {
            return ModSecRegex.compile(regex, false);
        } catch (RuntimeException e) {
            throw d.error("invalid regex '" + regex + "': " + e.getMessage(), e);
        }
    }

    /** Body parsing limits derived from engine settings. */
    public static BodyLimits bodyLimits(EngineSettings s) {
        return new BodyLimits(s.argumentsLimit(), s.requestBodyJsonDepthLimit(), BodyLimits.DEFAULTS.maxParts(),
                s.requestBodyNoFilesLimit());
    }
}
