// @ts-check

/**
 * The aigov score history.
 *
 * aigov_entities     one row per catalog entity that is scored, with its latest snapshot
 * aigov_snapshots    one row per scan of an entity: score, grade, categories, counts
 * aigov_finding_sets the findings of scans, stored once per distinct set (scans of an
 *                    unchanged service share one row)
 * aigov_runs         runs of the scheduled scoring task
 *
 * Times are milliseconds since the epoch (UTC), so that retention can bucket them by hour and
 * day with integer division on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aigov_finding_sets', (table) => {
    table.comment('Distinct sets of findings, shared by the snapshots that produced them');
    table.string('hash', 64).primary().comment('sha256 of the findings JSON');
    table.text('findings').notNullable().comment('JSON array of findings');
    table.integer('count').notNullable();
  });

  await knex.schema.createTable('aigov_snapshots', (table) => {
    table.comment('One scan of one entity');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable().comment('Lower-case full entity ref');
    table.bigInteger('taken_at').notNullable().comment('Milliseconds since the epoch');
    table.integer('score').notNullable();
    table.string('grade', 1).notNullable();
    table.string('status', 16).notNullable().comment('ok | partial');
    table.integer('passed_weight').notNullable().comment('For team rollups');
    table.integer('total_weight').notNullable();
    table.integer('checks').notNullable();
    table.integer('failed').notNullable();
    table.integer('objects').notNullable();
    table.integer('errors').notNullable();
    table.integer('warnings').notNullable();
    table.integer('infos').notNullable();
    table.integer('suppressed').notNullable();
    table.text('categories').notNullable().comment('JSON: category → score, grade, weights');
    table.text('details').notNullable().comment('JSON: clusters, cluster errors, complete kinds');
    table
      .string('findings_hash', 64)
      .notNullable()
      .references('hash')
      .inTable('aigov_finding_sets');
    table.index(['entity_ref', 'taken_at'], 'aigov_snapshots_entity_time_idx');
    table.index(['findings_hash'], 'aigov_snapshots_findings_idx');
  });

  await knex.schema.createTable('aigov_entities', (table) => {
    table.comment('Catalog entities with Kubernetes annotations, as last seen by the scoring task');
    table.string('entity_ref', 255).primary().comment('Lower-case full entity ref');
    table.string('kind', 255).notNullable().comment('As the catalog spells it');
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable().comment('Lower-case ref of the ownedBy target');
    table
      .bigInteger('latest_snapshot_id')
      .nullable()
      .references('id')
      .inTable('aigov_snapshots')
      .onDelete('SET NULL');
    table.text('last_error').nullable().comment('Why the last attempt stored no snapshot');
    table.bigInteger('last_error_at').nullable();
    table.bigInteger('seen_at').notNullable();
    table.index(['owner_ref'], 'aigov_entities_owner_idx');
  });

  await knex.schema.createTable('aigov_runs', (table) => {
    table.comment('Runs of the scheduled scoring task');
    table.bigIncrements('id').primary();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table.integer('entities').notNullable().defaultTo(0);
    table.integer('scored').notNullable().defaultTo(0);
    table.integer('partial').notNullable().defaultTo(0);
    table.integer('failed').notNullable().defaultTo(0);
    table.text('error').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aigov_runs');
  await knex.schema.dropTable('aigov_entities');
  await knex.schema.dropTable('aigov_snapshots');
  await knex.schema.dropTable('aigov_finding_sets');
};
