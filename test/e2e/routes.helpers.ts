import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_METADATA, AccessRule } from '@app/platform';

/** Route inventory of the running app, from Nest's metadata, Express' router and the OpenAPI document. */

export interface RouteHandler {
  /** `Controller_method`, the operationId @nestjs/swagger gives the route. */
  key: string;
  rule: AccessRule | undefined;
  /** The handler reads `@Body()`, so the document must describe a request body. */
  readsBody: boolean;
}

/** Every controller method that Nest maps to a route, with the access rule the guard will read. */
export function discoverHandlers(app: NestExpressApplication): RouteHandler[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  return discovery.getControllers().flatMap(({ instance, metatype }) => {
    if (!instance || !metatype) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name): RouteHandler[] => {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
      if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) return [];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler, metatype]);
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, unknown>;
      const readsBody = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
      return [{ key: `${metatype.name}_${name}`, rule, readsBody }];
    });
  });
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** `METHOD /path/{param}` of every route Express serves, less the OpenAPI UI's own. */
export function expressRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route || route.path.startsWith('/docs')) return [];
    const methods = Object.keys(route.methods).filter((m) => route.methods[m] && m !== '_all');
    // Nest's middleware is bound to every method of a wildcard path; controller routes have one method.
    if (methods.length !== 1) return [];
    return [`${methods[0]!.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`];
  });
}

export interface DocumentedOperation {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

export interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** A concrete URL for a documented path, with a fresh UUID in each parameter. */
export function concreteUrl(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, id);
}
