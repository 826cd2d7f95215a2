// The OpenAPI annotations the routes use, writing the metadata @nestjs/swagger reads when it builds /api/docs.
// Importing @nestjs/swagger itself costs about 0.5 s of CPU, so it is loaded only after the server listens.
import 'reflect-metadata';

const KEYS = {
  operation: 'swagger/apiOperation',
  tags: 'swagger/apiUseTags',
  security: 'swagger/apiSecurity',
  consumes: 'swagger/apiConsumes',
  produces: 'swagger/apiProduces',
} as const;

type Decorated = object | ((...args: never[]) => unknown);

/** On a class or a method, adds `values` to the list kept under `key`, as swagger's own decorators do. */
function appendTo(key: string, values: unknown[]): ClassDecorator & MethodDecorator {
  return ((target: Decorated, _name?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor ? descriptor.value : target) as Decorated;
    const previous = (Reflect.getMetadata(key, holder) as unknown[] | undefined) ?? [];
    Reflect.defineMetadata(key, [...previous, ...values], holder);
    return descriptor ?? target;
  }) as ClassDecorator & MethodDecorator;
}

export function ApiTags(...tags: string[]): ClassDecorator & MethodDecorator {
  return appendTo(KEYS.tags, tags);
}

export function ApiBearerAuth(name = 'bearer'): ClassDecorator & MethodDecorator {
  return appendTo(KEYS.security, [{ [name]: [] }]);
}

export function ApiConsumes(...mimeTypes: string[]): ClassDecorator & MethodDecorator {
  return appendTo(KEYS.consumes, mimeTypes);
}

export function ApiProduces(...mimeTypes: string[]): ClassDecorator & MethodDecorator {
  return appendTo(KEYS.produces, mimeTypes);
}

export function ApiOperation(options: { summary?: string; description?: string }): MethodDecorator {
  return (_target, _name, descriptor) => {
    const holder = descriptor.value as Decorated;
    const previous = (Reflect.getMetadata(KEYS.operation, holder) as object | undefined) ?? {};
    Reflect.defineMetadata(KEYS.operation, { ...previous, summary: '', ...stripUndefined(options) }, holder);
    return descriptor;
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
