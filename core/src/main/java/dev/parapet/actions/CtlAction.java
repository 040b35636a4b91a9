package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;
import dev.parapet.seclang.VariableSpec;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import dev.parapet.operators.internal.ModSecRegex;
import org.safere.Pattern;

/**
 * {@code ctl:option=value}: changes configuration for the current transaction only. The value is
 * checked at load time; the change happens when the rule matches.
 */
public final class CtlAction implements Action {

    private final String text;
    private final Consumer<TransactionControl> change;

    private CtlAction(String text, Consumer<TransactionControl> change) {
        this.text = text;
        this.change = change;
    }

    public static CtlAction of(String argument) {
        String text = Arguments.required("ctl", argument).strip();
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SecLangException("ctl needs option=value, got '" + text + "'");
        }
        String option = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        return new CtlAction(text, parse(option, value));
    }

    private static Consumer<TransactionControl> parse(String option, String value) {
        switch (option.toLowerCase(Locale.ROOT)) {
            case "ruleengine" -> {
                String mode = engineMode(value);
                return c -> c.ruleEngine(mode);
            }
            case "ruleremovebyid" -> {
                IdRanges ids = IdRanges.parse(value);
                return c -> c.removeRules(ids);
            }
            case "ruleremovebytag" -> {
                Pattern tag = regex(value);
                return c -> c.removeRulesByTag(tag);
            }
            case "ruleremovebymsg" -> {
                Pattern message = regex(value);
                return c -> c.removeRulesByMessage(message);
            }
            case "ruleremovetargetbyid" -> {
                String[] parts = splitTarget(option, value);
                IdRanges ids = IdRanges.parse(parts[0]);
                TargetRef target = target(parts[1]);
                return c -> c.removeTarget(ids, target);
            }
            case "ruleremovetargetbytag" -> {
                String[] parts = splitTarget(option, value);
                TargetRef target = target(parts[1]);
                Pattern tag = regex(parts[0]);
                return c -> c.removeTargetByTag(tag, target);
            }
            case "ruleremovetargetbymsg" -> {
                String[] parts = splitTarget(option, value);
                TargetRef target = target(parts[1]);
                Pattern message = regex(parts[0]);
                return c -> c.removeTargetByMessage(message, target);
            }
            case "requestbodyprocessor" -> {
                String name = value.toUpperCase(Locale.ROOT);
                if (!List.of("URLENCODED", "MULTIPART", "JSON", "XML").contains(name)) {
                    throw new SecLangException("unknown request body processor '" + value + "'");
                }
                return c -> c.requestBodyProcessor(name);
            }
            case "forcerequestbodyvariable" -> {
                boolean on = Arguments.onOff("ctl:forceRequestBodyVariable", value);
                return c -> c.forceRequestBodyVariable(on);
            }
            case "requestbodyaccess" -> {
                boolean on = Arguments.onOff("ctl:requestBodyAccess", value);
                return c -> c.requestBodyAccess(on);
            }
            case "responsebodyaccess" -> {
                boolean on = Arguments.onOff("ctl:responseBodyAccess", value);
                return c -> c.responseBodyAccess(on);
            }
            case "requestbodylimit" -> {
                long limit = positive("ctl:requestBodyLimit", value);
                return c -> c.requestBodyLimit(limit);
            }
            case "responsebodylimit" -> {
                long limit = positive("ctl:responseBodyLimit", value);
                return c -> c.responseBodyLimit(limit);
            }
            case "auditengine" -> {
                String mode = auditEngineMode(value);
                return c -> c.auditEngine(mode);
            }
            case "auditlogparts" -> {
                return c -> c.auditLogParts(value);
            }
            case "debugloglevel", "hashengine", "hashenforcement" -> {
                // Debug logging and response hashing are ModSecurity features with no Parapet
                // equivalent; the ctl is accepted so shared rule sets load, and changes nothing.
                return c -> {
                };
            }
            default -> throw new SecLangException("unknown ctl option '" + option + "'");
        }
    }

    private static long positive(String action, String value) {
        long n = Arguments.integer(action, value);
        if (n <= 0) {
            throw new SecLangException(action + " needs a positive number of bytes, got " + n);
        }
        return n;
    }

    /** Validates and normalises a SecRuleEngine / ctl:ruleEngine mode. */
    public static String engineMode(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> "On";
            case "off" -> "Off";
            case "detectiononly" -> "DetectionOnly";
            default -> throw new SecLangException("rule engine mode must be On, Off or DetectionOnly, got '"
                    + value + "'");
        };
    }

    /** Validates and normalises a SecAuditEngine / ctl:auditEngine mode to On, Off or RelevantOnly. */
    public static String auditEngineMode(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> "On";
            case "off" -> "Off";
            case "relevantonly" -> "RelevantOnly";
            default -> throw new SecLangException("audit engine mode must be On, Off or RelevantOnly, got '"
                    + value + "'");
        };
    }

    private static String[] splitTarget(String option, String value) {
        int semi = value.indexOf(';');
        if (semi <= 0 || semi == value.length() - 1) {
            throw new SecLangException("ctl:" + option + " needs selector;TARGET, got '" + value + "'");
        }
        return new String[] {value.substring(0, semi).strip(), value.substring(semi + 1).strip()};
    }

    private static TargetRef target(String text) {
        List<VariableSpec> specs = VariableSpec.parseList(text);
        if (specs.size() != 1) {
            throw new SecLangException("ctl target must be a single variable, got '" + text + "'");
        }
        if (dev.parapet.variables.Variable.lookup(specs.get(0).collection()).isEmpty()) {
            throw new SecLangException("unknown variable '" + specs.get(0).collection() + "' in ctl target");
        }
        return TargetRef.of(specs.get(0));
    }

    private static Pattern regex(String regex) {
        try {
            return ModSecRegex.compile(regex, false);
        } catch (RuntimeException e) {
            throw new SecLangException("invalid regex '" + regex + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ActionType type() {
        return ActionType.NON_DISRUPTIVE;
    }

    @Override
    public void execute(ActionContext context) {
        change.accept(context.control());
    }

    @Override
    public String toString() {
        return "ctl:" + text;
    }
}
