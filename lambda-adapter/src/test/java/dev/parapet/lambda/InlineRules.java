package dev.parapet.lambda;

import dev.parapet.engine.Firewall;

/**
 * A tiny rule set that exercises every part of the mapping, for tests that must run without CRS.
 * Inline SecLang is a byte string like request data, so rule 1012 spells "été" as its UTF-8 bytes.
 */
final class InlineRules {

    static final String RULES = """
            SecRuleEngine On
            SecRequestBodyAccess On
            SecResponseBodyAccess On
            SecResponseBodyMimeType text/plain text/html application/json
            SecAuditEngine RelevantOnly
            SecRule REQUEST_FILENAME "@contains /etc/passwd" "id:1001,phase:1,deny,status:403,log,msg:'path attack'"
            SecRule ARGS "@contains <script>" "id:1002,phase:2,deny,status:403,log,msg:'script in an argument'"
            SecRule REQUEST_HEADERS:X-Attack "@streq yes" "id:1003,phase:1,deny,status:403,log,msg:'attack header'"
            SecRule REQUEST_COOKIES "@contains evil" \\
                "id:1004,phase:1,deny,status:403,log,msg:'cookie attack',logdata:'value %{MATCHED_VAR}'"
            SecRule RESPONSE_BODY "@contains SECRET-LEAK" "id:1005,phase:4,deny,status:403,log,msg:'leak'"
            SecRule REQUEST_HEADERS:X-Multi "@streq second" "id:1006,phase:1,deny,status:403,log,msg:'second value'"
            SecRule REMOTE_ADDR "@ipMatch 192.0.2.200" "id:1007,phase:1,deny,status:403,log,msg:'banned client'"
            SecRule ARGS_GET:redirect "@streq 1" "id:1008,phase:1,redirect:https://example.com/blocked,log"
            SecRule ARGS_GET:tag "@streq evil" "id:1009,phase:1,deny,status:403,log,msg:'evil tag'"
            SecRule REQUEST_METHOD "@streq DELETE" "id:1010,phase:1,deny,status:405,log,msg:'no deletes'"
            SecRule ARGS_GET:q "@streq a b&c=d%" "id:1011,phase:1,deny,status:403,log,msg:'decoded value survives'"
            SecRule REQUEST_HEADERS:X-Unicode "@contains \u00c3\u00a9t\u00c3\u00a9" "id:1012,phase:1,deny,status:403,log"
            SecRule RESPONSE_HEADERS:X-Debug "@streq on" "id:1013,phase:3,deny,status:403,log,msg:'debug header'"
            SecRule ARGS:secret "@streq letmein" "id:1014,phase:1,pass,log,msg:'noted only'"
            """;

    private InlineRules() {
    }

    static Firewall firewall() {
        return Firewall.builder().directives("inline-test-rules", RULES).build();
    }
}
