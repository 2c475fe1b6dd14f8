import { z } from 'zod';

// Strimzi and CloudNativePG publish no kubernetes-models package: these schemas hold the fields draftdesk's
// examples rely on, taken from the operators' CRD references (kafka.strimzi.io/v1beta2, postgresql.cnpg.io/v1).
const metadata = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
      .max(253),
  })
  .passthrough();
const strimziCluster = z.object({ 'strimzi.io/cluster': z.string().min(1) });

const SHAPES: Record<string, z.ZodTypeAny> = {
  'kafka.strimzi.io/v1beta2/Kafka': z.object({
    metadata,
    spec: z.object({
      kafka: z.object({
        version: z.string().regex(/^\d+\.\d+\.\d+$/),
        listeners: z
          .array(
            z.object({
              name: z.string(),
              port: z.number().int(),
              type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
              tls: z.boolean(),
            }),
          )
          .min(1),
        config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      }),
      entityOperator: z.object({ topicOperator: z.object({}).passthrough().optional() }).optional(),
    }),
  }),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': z.object({
    metadata: metadata.extend({ labels: strimziCluster }),
    spec: z.object({
      replicas: z.number().int().min(1),
      roles: z.array(z.enum(['controller', 'broker'])).min(1),
      storage: z.object({ type: z.enum(['ephemeral', 'persistent-claim', 'jbod']) }).passthrough(),
    }),
  }),
  'kafka.strimzi.io/v1beta2/KafkaTopic': z.object({
    metadata: metadata.extend({ labels: strimziCluster }),
    spec: z.object({
      topicName: z.string().min(1).optional(),
      partitions: z.number().int().min(1),
      replicas: z.number().int().min(1).max(32767),
      config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    }),
  }),
  'postgresql.cnpg.io/v1/Cluster': z.object({
    metadata,
    spec: z
      .object({
        instances: z.number().int().min(1),
        imageName: z.string().optional(),
        bootstrap: z.object({ initdb: z.object({ database: z.string(), owner: z.string() }).passthrough() }).optional(),
        storage: z.object({ size: z.string().regex(/^\d+(Mi|Gi|Ti)$/) }).passthrough(),
      })
      .passthrough(),
  }),
};

export function crdShapeError(object: { apiVersion?: string; kind?: string }): string | undefined {
  const shape = SHAPES[`${object.apiVersion}/${object.kind}`];
  if (!shape) return `no schema model for ${object.apiVersion}/${object.kind}`;
  const result = shape.safeParse(object);
  return result.success ? undefined : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
