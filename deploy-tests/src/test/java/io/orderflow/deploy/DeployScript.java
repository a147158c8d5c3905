package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What dcos/deploy.sh declares: its topic list and the settings it creates them with. */
final class DeployScript {

    private static final String PATH = "dcos/deploy.sh";

    private DeployScript() {
    }

    static List<String> topics() {
        String script = Repo.read(PATH);
        Matcher block = Pattern.compile("(?m)^topics=\\(\\n(.*?)^\\)", Pattern.DOTALL).matcher(script);
        if (!block.find()) {
            throw new AssertionError(PATH + " has no topics=( ... ) array");
        }
        List<String> topics = new ArrayList<>();
        for (String line : block.group(1).split("\\n")) {
            String word = line.trim();
            if (!word.isEmpty() && !word.startsWith("#")) {
                topics.add(word);
            }
        }
        return topics;
    }

    /** The value of a plain NAME=value (or NAME="${NAME:-value}") assignment in the script. */
    static String variable(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "=(?:\"\\$\\{" + name + ":-([^}]*)}\"|(\\S+))$")
                .matcher(Repo.read(PATH));
        if (!matcher.find()) {
            throw new AssertionError(PATH + " does not set " + name);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
