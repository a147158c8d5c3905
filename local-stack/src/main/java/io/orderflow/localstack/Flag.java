package io.orderflow.localstack;

/**
 * One command-line argument read as a flag, the same way by every command of the suite (the launcher, the
 * dead-letter tool, the benchmark): {@code --flag=value} is the flag with its value, anything else the flag alone
 * (its value, if it takes one, is the next argument).
 */
public record Flag(String name, String inlineValue) {

    public static Flag of(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 ? new Flag(arg.substring(0, eq), arg.substring(eq + 1))
                : new Flag(arg, null);
    }
}
