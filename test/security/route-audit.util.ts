import { AUTH_REALM, PUBLIC_ROUTE } from '@draftdesk/platform';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** The metadata keys of @nestjs/swagger's ApiExcludeController and ApiExcludeEndpoint (not exported by the package). */
const EXCLUDED_CONTROLLER = 'swagger/apiExcludeController';
const EXCLUDED_ENDPOINT = 'swagger/apiExcludeEndpoint';

export interface AuditedRoute {
  method: string;
  path: string;
  controller: string;
  public: boolean;
  realm: string | null;
  /** Whether the OpenAPI document describes it (not excluded with ApiExcludeController/ApiExcludeEndpoint). */
  documented: boolean;
}

const joinPath = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/** Every route the Nest router of this app serves, with the access markers the access guard reads. */
export function listRoutes(app: INestApplication): AuditedRoute[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const reflector = app.get(Reflector, { strict: false });
  const scanner = new MetadataScanner();
  const routes: AuditedRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!type?.prototype) continue;
    const base = Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined;
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = type.prototype[name as keyof object] as unknown as () => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (sub === undefined) continue;
      const method =
        RequestMethod[(Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod) ?? RequestMethod.GET];
      for (const b of [base].flat()) {
        for (const s of [sub].flat()) {
          routes.push({
            method,
            path: joinPath(b, s),
            controller: type.name,
            public: !!reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]),
            realm: reflector.getAllAndOverride<string>(AUTH_REALM, [handler, type]) ?? null,
            documented:
              !(Reflect.getMetadata(EXCLUDED_CONTROLLER, type) as boolean[] | undefined)?.[0] &&
              !(Reflect.getMetadata(EXCLUDED_ENDPOINT, handler) as { disable?: boolean } | undefined)?.disable,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Routes the underlying Express router holds, whoever registered them: a route added outside Nest shows up here. */
export function expressRoutes(app: INestApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })),
    );
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** A concrete URL for a route pattern: path parameters become a well-formed id. */
export const concretePath = (path: string) => path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');

export function printRoutes(app: string, routes: AuditedRoute[]): void {
  const lines = routes.map(
    (r) =>
      `  ${r.method.padEnd(7)} ${r.path.padEnd(40)} ${(r.public ? 'public' : `realm ${r.realm ?? '(none: closed)'}`).padEnd(22)} ${r.controller}`,
  );
  process.stdout.write(`${app}: ${routes.length} routes\n${lines.join('\n')}\n`);
}
