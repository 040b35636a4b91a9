package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every SecLang action Parapet understands, by name. Adding an action is one class and one line here.
 * Names are matched case-insensitively.
 */
public final class ActionRegistry {

    private static final Map<String, ActionFactory> FACTORIES = Map.ofEntries(
            // metadata
            Map.entry("id", IdAction::of),
            Map.entry("phase", PhaseAction::of),
            Map.entry("msg", MsgAction::of),
            Map.entry("logdata", LogDataAction::of),
            Map.entry("severity", SeverityAction::of),
            Map.entry("tag", TagAction::of),
            Map.entry("ver", VerAction::of),
            Map.entry("rev", RevAction::of),
            Map.entry("maturity", MaturityAction::of),
            Map.entry("accuracy", AccuracyAction::of),
            // disruptive
            Map.entry("deny", DisruptiveAction.factory(Disruptive.DENY)),
            Map.entry("drop", DisruptiveAction.factory(Disruptive.DROP)),
            Map.entry("pass", DisruptiveAction.factory(Disruptive.PASS)),
            Map.entry("block", DisruptiveAction.factory(Disruptive.BLOCK)),
            Map.entry("allow", DisruptiveAction::allow),
            Map.entry("redirect", RedirectAction::of),
            // data and flow
            Map.entry("t", TransformationAction::of),
            Map.entry("status", StatusAction::of),
            Map.entry("chain", FlagAction.factory("chain", ActionType.FLOW, RuleSettings::chain)),
            Map.entry("skip", SkipAction::of),
            Map.entry("skipafter", SkipAfterAction::of),
            Map.entry("capture", FlagAction.factory("capture", ActionType.DATA, RuleSettings::capture)),
            Map.entry("multimatch", FlagAction.factory("multiMatch", ActionType.DATA, RuleSettings::multiMatch)),
            Map.entry("log", FlagAction.factory("log", ActionType.DATA, r -> r.log(true))),
            // As in ModSecurity, nolog keeps a match out of the audit log too (unless auditlog follows it).
            Map.entry("nolog", FlagAction.factory("nolog", ActionType.DATA, r -> {
                r.log(false);
                r.auditLog(false);
            })),
            Map.entry("auditlog", FlagAction.factory("auditlog", ActionType.DATA, r -> r.auditLog(true))),
            Map.entry("noauditlog", FlagAction.factory("noauditlog", ActionType.DATA, r -> r.auditLog(false))),
            // non-disruptive
            Map.entry("setvar", SetVarAction::of),
            Map.entry("expirevar", ExpireVarAction::of),
            Map.entry("initcol", InitColAction::of),
            Map.entry("setuid", InitColAction.fixed("setuid", "USER")),
            Map.entry("setsid", InitColAction.fixed("setsid", "SESSION")),
            Map.entry("setenv", SetEnvAction::of),
            Map.entry("ctl", CtlAction::of));

    private ActionRegistry() {
    }

    /** The factory for an action name, if Parapet knows it. */
    public static Optional<ActionFactory> lookup(String name) {
        return Optional.ofNullable(FACTORIES.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Builds an action.
     *
     * @throws SecLangException for an unknown action or an invalid argument
     */
    public static Action create(String name, String argument) {
        ActionFactory factory = lookup(name)
                .orElseThrow(() -> new SecLangException("unknown action '" + name + "'"));
        return factory.create(argument);
    }
}
