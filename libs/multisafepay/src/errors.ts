/** Everything that can go wrong talking to MSP. Messages never contain the API key. */
export abstract class MspError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** MSP answered with its own error envelope: it understood and refused. */
export class MspApiError extends MspError {
  constructor(readonly code: number, readonly info: string, readonly httpStatus: number) {
    super(`MSP error ${code}: ${info}`);
  }
}

/** No answer within the timeout (includes a server that accepted the connection and hung). */
export class MspTimeoutError extends MspError {}

/** The connection could not be made or broke before an answer. */
export class MspUnreachableError extends MspError {}

/** An HTTP 5xx without MSP's envelope (load balancer pages, outages). */
export class MspServerError extends MspError {
  constructor(readonly httpStatus: number) {
    super(`MSP answered HTTP ${httpStatus}`);
  }
}

/** An answer we cannot read as MSP's API. */
export class MspProtocolError extends MspError {}
