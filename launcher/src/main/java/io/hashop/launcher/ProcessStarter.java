package io.hashop.launcher;

import java.io.IOException;
import java.util.Map;

/** Starts the process of one instance: a service jar, or a stand-in in tests. */
@FunctionalInterface
interface ProcessStarter {

	ServiceProcess start(ServiceSpec service, Map<String, String> env) throws IOException;

}
