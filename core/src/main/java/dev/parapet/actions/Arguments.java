package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** Argument checks shared by action factories. */
final class Arguments {

    private Arguments() {
    }

    static String required(String action, String argument) {
        if (argument == null || argument.isEmpty()) {
            throw new SecLangException("action '" + action + "' needs an argument");
        }
        return argument;
    }

    static void none(String action, String argument) {
        if (argument != null && !argument.isEmpty()) {
            throw new SecLangException("action '" + action + "' takes no argument, got '" + argument + "'");
        }
    }

    static int integer(String action, String argument) {
        String value = required(action, argument).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SecLangException("action '" + action + "' needs a number, got '" + value + "'");
        }
    }

    static boolean onOff(String action, String argument) {
        String value = required(action, argument).strip();
        if (value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("off")) {
            return false;
        }
        throw new SecLangException("action '" + action + "' needs On or Off, got '" + value + "'");
    }
}
