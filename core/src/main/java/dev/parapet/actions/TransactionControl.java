package dev.parapet.actions;

import org.safere.Pattern;
import java.util.function.IntPredicate;

/** The changes {@code ctl:} may make to one running transaction. */
public interface TransactionControl {

    /** {@code ctl:ruleEngine=On|Off|DetectionOnly}. */
    void ruleEngine(String mode);

    /** {@code ctl:ruleRemoveById}: rules whose id matches no longer run in this transaction. */
    void removeRules(IntPredicate ids);

    /** {@code ctl:ruleRemoveByTag}: rules carrying a tag the pattern finds no longer run. */
    void removeRulesByTag(Pattern tag);

    /** {@code ctl:ruleRemoveByMsg}: rules whose message matches the regex no longer run. */
    void removeRulesByMessage(Pattern message);

    /** {@code ctl:ruleRemoveTargetById}: the given target is no longer inspected by those rules. */
    void removeTarget(IntPredicate ids, TargetRef target);

    /** {@code ctl:ruleRemoveTargetByTag}. */
    void removeTargetByTag(Pattern tag, TargetRef target);

    /** {@code ctl:ruleRemoveTargetByMsg}. */
    void removeTargetByMessage(Pattern message, TargetRef target);

    /** {@code ctl:requestBodyProcessor=JSON|XML|URLENCODED|MULTIPART}. */
    void requestBodyProcessor(String name);

    /** {@code ctl:forceRequestBodyVariable=On|Off}. */
    void forceRequestBodyVariable(boolean force);

    /** {@code ctl:requestBodyAccess=On|Off}. */
    void requestBodyAccess(boolean access);

    /** {@code ctl:requestBodyLimit=N}. */
    void requestBodyLimit(long bytes);

    /** {@code ctl:responseBodyAccess=On|Off}. */
    void responseBodyAccess(boolean access);

    /** {@code ctl:responseBodyLimit=N}. */
    void responseBodyLimit(long bytes);

    /** {@code ctl:auditEngine=On|Off|RelevantOnly}. */
    void auditEngine(String mode);

    /** {@code ctl:auditLogParts=…}. */
    void auditLogParts(String parts);
}
