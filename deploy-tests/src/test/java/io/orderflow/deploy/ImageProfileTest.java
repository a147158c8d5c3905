package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The image settings the descriptors rely on: heap by container memory, a non-root user, images only for services. */
class ImageProfileTest {

    @Test
    void theJvmSizesItsHeapFromTheContainerMemoryLimit() {
        assertThat(jvmFlags()).contains("-XX:MaxRAMPercentage=75");
    }

    @Test
    void theImageRunsAsANonRootUser() {
        String user = ImageProfile.text(ImageProfile.jibConfiguration("container"), "user");

        assertThat(user).isNotBlank();
        assertThat(user.split(":")[0]).isNotIn("0", "root");
    }

    @Test
    void theImageKeepsStateInTheDirectoryComposeMountsAVolumeOn() {
        Element container = ImageProfile.jibConfiguration("container");
        String dataDir = ImageProfile.text((Element) container.getElementsByTagName("environment").item(0), "ORDERFLOW_DATA_DIR");

        assertThat(dataDir).isEqualTo("/var/lib/orderflow");
        assertThat(Repo.path("images/rootfs" + dataDir)).isDirectory();
        for (String service : Repo.serviceModules()) {
            assertThat(ComposeConsistencyTest.environment(Repo.composeServices().get(service)))
                    .containsEntry("ORDERFLOW_DATA_DIR", dataDir);
        }
    }

    @Test
    void onlyServiceModulesBuildAnImageAndOnlyWhenAskedFor() {
        Element profiles = (Element) Repo.rootPom().getElementsByTagName("profiles").item(0);
        NodeList all = profiles.getElementsByTagName("profile");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element profile = (Element) all.item(i);
            ids.add(ImageProfile.text(profile, "id"));
            if (ImageProfile.text(profile, "id").equals("images")) {
                assertThat(profile.getElementsByTagName("activation").getLength()).as("images is opt-in").isZero();
            }
            if (ImageProfile.text(profile, "id").equals("service-module")) {
                assertThat(ImageProfile.text(profile, "exists")).isEqualTo("${basedir}/src/main/resources/application.properties");
                assertThat(ImageProfile.text(profile, "orderflow.image.skip")).isEqualTo("false");
            }
        }
        assertThat(ids).contains("images", "service-module");
        assertThat(ImageProfile.text(ImageProfile.jibPluginInPluginManagement(), "skip")).isEqualTo("${orderflow.image.skip}");
        assertThat(ImageProfile.text((Element) Repo.rootPom().getElementsByTagName("properties").item(0), "orderflow.image.skip"))
                .isEqualTo("true");
    }

    private static List<String> jvmFlags() {
        NodeList flags = ImageProfile.jibConfiguration("container").getElementsByTagName("jvmFlag");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < flags.getLength(); i++) {
            result.add(flags.item(i).getTextContent().trim());
        }
        return result;
    }
}
