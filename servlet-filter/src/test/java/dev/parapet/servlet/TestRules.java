package dev.parapet.servlet;

import dev.parapet.engine.Firewall;

/** The rule sets the filter tests run. */
final class TestRules {

    private TestRules() {
    }

    /** Body limits small enough to test: 16 KiB without files, 64 KiB in all. */
    static final String ENGINE = """
            SecRuleEngine On
            SecRequestBodyAccess On
            SecRequestBodyLimit 65536
            SecRequestBodyNoFilesLimit 16384
            SecRequestBodyLimitAction %s
            SecResponseBodyAccess On
            SecResponseBodyMimeType text/plain text/html
            SecResponseBodyLimit 65536
            SecResponseBodyLimitAction ProcessPartial
            SecRule REQUEST_HEADERS:Content-Type "^application/json" \\
                "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
            """;

    /** modsecurity.conf-recommended's refusal of bodies that do not parse. */
    static final String BODY_ERRORS = """
            SecRule REQBODY_ERROR "!@eq 0" \\
                "id:200002,phase:2,t:none,deny,status:400,log,msg:'Failed to parse request body',logdata:'%{reqbody_error_msg}'"
            SecRule MULTIPART_STRICT_ERROR "!@eq 0" "id:200003,phase:2,t:none,deny,status:400,log,msg:'Multipart strict error'"
            """;

    static final String RULES = """
            SecRule REQUEST_HEADERS:X-Block "@streq phase1" "id:101,phase:1,deny,status:403,log,msg:'phase 1 block'"
            SecRule REQUEST_URI_RAW "@contains /lined" "id:102,phase:1,pass,log,msg:'request line',logdata:'%{REQUEST_LINE}'"
            SecRule REQUEST_HEADERS:X-Raw "@rx ." "id:103,phase:1,pass,log,msg:'raw header',logdata:'%{MATCHED_VAR}'"
            SecRule ARGS "@contains attack2" "id:201,phase:2,deny,status:403,log,msg:'phase 2 block'"
            SecRule RESPONSE_HEADERS:X-Leak "@streq yes" "id:301,phase:3,deny,status:502,log,msg:'phase 3 block'"
            SecRule RESPONSE_BODY "@contains SECRET-LEAK" "id:401,phase:4,deny,status:503,log,msg:'phase 4 block'"
            SecRule REQUEST_HEADERS:X-Late-Block "@streq yes" "id:402,phase:4,deny,status:500,log,msg:'late block'"
            """;

    static Firewall firewall(String limitAction) {
        return Firewall.builder()
                .directives("engine", ENGINE.formatted(limitAction))
                .directives("body-errors", BODY_ERRORS)
                .directives("rules", RULES)
                .build();
    }

    static Firewall firewall() {
        return firewall("Reject");
    }
}
