// Word pools for realistic names: teams, services, images and people, combined by the cluster plan.

export const TEAMS = [
  'payments',
  'checkout',
  'orders',
  'catalog',
  'search',
  'identity',
  'billing',
  'ledger',
  'risk',
  'fraud',
  'shipping',
  'inventory',
  'pricing',
  'loyalty',
  'notifications',
  'messaging',
  'analytics',
  'reporting',
  'platform',
  'data',
  'ml',
  'recommendations',
  'customer',
  'support',
  'marketing',
  'growth',
  'media',
  'content',
  'portal',
  'partner',
  'merchant',
  'settlement',
  'treasury',
  'compliance',
  'audit',
  'kyc',
] as const;

export const STAGES = ['prod', 'staging', 'dev', 'qa', 'uat'] as const;

export const SERVICES = [
  'api',
  'web',
  'worker',
  'gateway',
  'scheduler',
  'consumer',
  'producer',
  'frontend',
  'backend',
  'sync',
  'indexer',
  'exporter',
  'importer',
  'processor',
  'router',
  'auth',
  'cache',
  'proxy',
  'batch',
  'notifier',
  'reconciler',
  'webhook',
  'admin',
  'graphql',
  'grpc',
  'stream',
  'aggregator',
  'validator',
  'renderer',
] as const;

/** Stateful services: run as StatefulSets with volume claim templates. */
export const STATEFUL = [
  { name: 'redis', image: 'redis', tag: '7.2.5-alpine', port: 6379 },
  { name: 'postgres', image: 'postgres', tag: '16.3', port: 5432 },
  { name: 'kafka', image: 'bitnami/kafka', tag: '3.7.0', port: 9092 },
  { name: 'rabbitmq', image: 'rabbitmq', tag: '3.13-management', port: 5672 },
  { name: 'elasticsearch', image: 'elasticsearch', tag: '8.14.1', port: 9200 },
  { name: 'zookeeper', image: 'zookeeper', tag: '3.9.2', port: 2181 },
] as const;

export const LANG_BASES = [
  'eclipse-temurin:21-jre',
  'node:20.15-alpine',
  'python:3.12-slim',
  'golang:1.22',
  'dotnet/aspnet:8.0',
] as const;

export const SIDECARS = [
  { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.1', port: 15090 },
  { name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.0.7', port: 2020 },
  { name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', port: 4180 },
] as const;

export const PEOPLE = [
  'wang.lei',
  'li.na',
  'zhang.wei',
  'liu.yang',
  'chen.jing',
  'yang.fan',
  'zhao.min',
  'huang.tao',
  'zhou.xin',
  'wu.hao',
  'alice.martin',
  'bob.keller',
  'carol.nguyen',
  'dave.osei',
  'erin.kowalski',
  'farid.haddad',
  'grace.kim',
  'hugo.silva',
] as const;

export const REGISTRIES = [
  'acrpaymentsprod.azurecr.io',
  'registry.example.com',
  'harbor.corp.internal',
] as const;
