-- One database per service, each owned by its own role (the same layout as the CloudNativePG cluster in
-- deploy/k8s/postgres). Development passwords only: the role name.
CREATE ROLE goals LOGIN PASSWORD 'goals';
CREATE DATABASE goals OWNER goals;
CREATE ROLE leads LOGIN PASSWORD 'leads';
CREATE DATABASE leads OWNER leads;
CREATE ROLE campaigns LOGIN PASSWORD 'campaigns';
CREATE DATABASE campaigns OWNER campaigns;
CREATE ROLE feedback LOGIN PASSWORD 'feedback';
CREATE DATABASE feedback OWNER feedback;
