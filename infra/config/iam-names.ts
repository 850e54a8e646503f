/** Rules of IAM names the configuration and the components both check (config is the ground floor: components import from here). */

/** IAM role names: 1-64 characters of letters, digits and + = , . @ _ - (IAM User Guide, "IAM object quotas" and CreateRole). */
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/** What {@link ROLE_NAME_PATTERN} admits, for messages: `is not <ROLE_NAME_DESCRIPTION>`. */
export const ROLE_NAME_DESCRIPTION = "an IAM role name (1-64 of A-Z a-z 0-9 + = , . @ _ -)";
