package org.hotline.routing.directory.application;

/** What the directory reports about its loads, without knowing the metrics library. */
public interface DirectoryMetrics {

    void loaded(String rulesVersion, int authorities, int rules);

    void reloadFailed();
}
