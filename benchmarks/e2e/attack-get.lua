-- Sanity check of benchmarks/e2e/run.sh: a UNION-based SQL injection in a query argument, which every WAF
-- under test must block (a WAF that lets it through is not inspecting, and its figures would mean nothing).
wrk.method = "GET"
wrk.path = "/shop/search?q=1%27+UNION+SELECT+username%2C+password+FROM+users--+"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"
wrk.headers["Accept"] = "text/html"
