package io.hashop.launcher.process;

import java.io.IOException;
import java.util.Map;

import io.hashop.launcher.service.ServiceSpec;

/** Starts the process of one instance: a service jar, or a stand-in in tests. */
@FunctionalInterface
interface ProcessStarter {

	ServiceProcess start(ServiceSpec service, Map<String, String> env) throws IOException;

}
