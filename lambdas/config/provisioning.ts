// Provisioning's timing, shared by the workflow definition (lib/) and the entry function (lambdas/).

/**
 * How long the lock provider gets to confirm a requested code by webhook before its status is read
 * (R4.2): the workflow's AwaitConfirmation, and the delay of a first attempt's check entry.
 */
export const CONFIRMATION_WAIT_SECONDS = 120;
