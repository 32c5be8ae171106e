package io.smarketing.leads.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/** Runs the SLA check every {@code leads.sla-check-interval}; safe on any number of replicas (see {@link SlaMonitor}). */
@ApplicationScoped
public class SlaJob {

    private static final Logger LOG = Logger.getLogger(SlaJob.class);

    private final SlaMonitor monitor;

    SlaJob(SlaMonitor monitor) {
        this.monitor = monitor;
    }

    @Scheduled(identity = "lead-sla-check", every = "${leads.sla-check-interval:1m}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void checkSla() {
        int reported = monitor.reportAllDue();
        if (reported > 0) {
            LOG.infof("Reported %d SLA breach(es)", reported);
        }
    }
}
