package dev.parapet.operators;

import dev.parapet.operators.internal.IpSet;
import java.util.List;

/**
 * {@code @ipMatch}: the input is an IPv4/IPv6 address inside one of the comma-separated addresses or
 * CIDR networks of the argument. An IPv4-mapped IPv6 input ({@code ::ffff:10.0.0.1}) matches IPv4
 * entries. Invalid input never matches; an invalid argument fails at load time.
 */
public final class IpMatch implements Operator {

    private final IpSet set;

    IpMatch(IpSet set) {
        this.set = set;
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new IpMatch(IpSet.parse(List.of(args.argument().split("[,\\s]+"))));
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        return set.contains(input);
    }
}
