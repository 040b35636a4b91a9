package dev.parapet.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import example.OrdersHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler in examples/lambda, with CRS as its README deploys it. */
class ExampleHandlerTest {

    @BeforeAll
    static void pointTheExampleAtCrs() {
        System.setProperty("parapet.crs.dir", Crs.directory().toString());
    }

    private static int status(com.fasterxml.jackson.databind.node.ObjectNode event) {
        byte[] out = Harness.roundTrip(APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class,
                Harness.bytes(event), new OrdersHandler(), new TestContext(Harness.REQUEST_ID));
        return Harness.read(out).path("statusCode").asInt();
    }

    @Test
    void benignRequestReachesTheApplication() {
        assertEquals(200, status(Kind.REST.event()));
    }

    @Test
    void attackIsBlocked() {
        assertEquals(403, status(Kind.REST.query(Kind.REST.event(), "id", "1 UNION SELECT password FROM users")));
    }
}
