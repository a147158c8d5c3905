package io.orderflow.deploy;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the root pom's image settings (jib-maven-plugin in pluginManagement, profile "images") say. */
final class ImageProfile {

    private ImageProfile() {
    }

    /** The image a service's descriptors must run: the Jib target name without the registry prefix. */
    static String imageOf(String service) {
        String pattern = jibConfiguration("to").getElementsByTagName("image").item(0).getTextContent().trim();
        return pattern.replace("${image.registry}", "")
                .replace("${project.artifactId}", service)
                .replace("${project.version}", Repo.projectVersion());
    }

    static Element jibConfiguration(String section) {
        Element plugin = jibPluginInPluginManagement();
        Element configuration = (Element) plugin.getElementsByTagName("configuration").item(0);
        return (Element) configuration.getElementsByTagName(section).item(0);
    }

    static Element jibPluginInPluginManagement() {
        Element pluginManagement = (Element) Repo.rootPom().getElementsByTagName("pluginManagement").item(0);
        NodeList plugins = pluginManagement.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("jib-maven-plugin")) {
                return plugin;
            }
        }
        throw new AssertionError("no jib-maven-plugin in the root pom's pluginManagement");
    }

    static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
