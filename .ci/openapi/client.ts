// A client of the example's document (utoipa 6), typed by openapi-typescript and compiled with
// `tsc --strict` by .ci/run. It reads `code`, `detail`, a member and a header without optional
// chaining or `!`: if the document left any of them optional, the type would include
// `undefined` and this would not compile.
import type { components, paths } from "./api";

type GetUser = paths["/users/{id}"]["get"]["responses"];
type DeleteUser = paths["/users/{id}"]["delete"]["responses"];

// The line a client logs for a 404.
export function notFound(body: GetUser[404]["content"]["application/problem+json"]): string {
    const status: 404 = body.status;
    const code: "USER_NOT_FOUND" = body.code;
    const detail: string = body.detail;
    return `${status} ${code}: ${detail}`;
}

// The challenge of a 401, which the server always sends.
export function challenge(response: GetUser[401]): string {
    const header: string = response.headers["WWW-Authenticate"];
    const code: string = response.content["application/problem+json"].code;
    return `${code}: ${header}`;
}

// How many fields a 422 rejects: `errors` is a member every 422 sends.
export function rejected(body: GetUser[422]["content"]["application/problem+json"]): number {
    const count: number = body.errors.length;
    return count;
}

// The three conflicts of a deletion share one status; `code` tells them apart.
export function conflict(body: DeleteUser[409]["content"]["application/problem+json"]): string {
    switch (body.code) {
        case "OWNS_PROJECTS":
            return `transfer the projects first: ${body.detail}`;
        case "LAST_ADMINISTRATOR":
        case "DELETION_PENDING":
            return body.detail;
    }
}

// The shared component: every problem body is one.
export function title(problem: components["schemas"]["Problem"]): string {
    return problem.title;
}
