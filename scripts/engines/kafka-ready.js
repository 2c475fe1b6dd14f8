#!/usr/bin/env node
// Usage: node kafka-ready.js [brokers=127.0.0.1:9092] [timeoutSeconds=60] [coordinator]
// Exits 0 once a kafkajs admin client gets cluster metadata from the broker, 1 at the deadline.
// With "coordinator" it also waits for the group coordinator: on a fresh broker that creates
// __consumer_offsets, which would otherwise slow down (and log errors in) the first test's consumer.
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.argv[2] || '127.0.0.1:9092').split(',');
const deadline = Date.now() + Number(process.argv[3] || 60) * 1000;
const needCoordinator = process.argv[4] === 'coordinator';

async function tryOnce() {
  const kafka = new Kafka({
    clientId: 'draftdesk-engines-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    if (needCoordinator) {
      const { groups } = await admin.describeGroups(['draftdesk-engines-warmup']);
      if (groups[0].errorCode !== 0) throw new Error(`group coordinator error ${groups[0].errorCode}`);
    }
    return cluster;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

(async () => {
  let lastError;
  while (Date.now() < deadline) {
    try {
      const cluster = await tryOnce();
      console.log(
        `kafka cluster ${cluster.clusterId}, controller ${cluster.controller}, ${cluster.brokers.length} broker(s)`,
      );
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  console.error(`kafka not ready at ${brokers.join(',')}: ${lastError ? lastError.message : 'timeout'}`);
  process.exit(1);
})();
