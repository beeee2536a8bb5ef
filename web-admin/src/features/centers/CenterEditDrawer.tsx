// Edit a center's address, hours, facilities, zones and covered communities. Removing covered
// communities asks for confirmation; BAD_USER_INPUT field errors appear under their fields.
import {
  ADDRESS_MAX_LENGTH,
  FACILITIES,
  OPENING_HOURS_MAX_LENGTH,
  REQUIRED_ZONES,
  ZONES,
  type CenterKind,
} from '@lc/domain';
import { App, Checkbox, Col, Flex, Form, Input, Row, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { fieldErrorsOf, hasCjk, toFormFieldErrors } from '../../ui/graphqlErrors';
import { FormDrawer } from '../../ui/FormDrawer';
import { ErrorAlert } from '../../ui/states';
import { CENTER_EDIT_FIELDS, coverageChange, toUpdateCenterInput, type CenterEditValues } from './centerEdit';

export const CenterEditDrawer_CenterFragment = graphql(`
  fragment CenterEditDrawer_CenterFragment on Center {
    id
    name
    kind
    address
    openingHours
    facilities
    zones
    coveredCommunities {
      id
      name
    }
    street {
      id
      name
      children {
        id
        name
        level
        communityKind
      }
    }
  }
`);

const UpdateCenterMutation = graphql(`
  mutation UpdateCenter($id: ID!, $input: UpdateCenterInput!) {
    updateCenter(id: $id, input: $input) {
      id
      viewerCanEdit
      ...CenterProfile_CenterFragment
      ...CenterCommunities_CenterFragment
      ...CenterEditDrawer_CenterFragment
    }
  }
`);

const FIELD_ERROR_KEYS: Record<(typeof CENTER_EDIT_FIELDS)[number], string> = {
  address: 'admin:fieldErrorAddress',
  openingHours: 'admin:fieldErrorOpeningHours',
  facilities: 'admin:fieldErrorFacilities',
  zones: 'admin:fieldErrorZones',
  coveredCommunityIds: 'admin:fieldErrorCoveredCommunities',
};

export function CenterEditDrawer({
  center,
  onClose,
}: {
  center: FragmentType<typeof CenterEditDrawer_CenterFragment>;
  /** the parent mounts the drawer to open it and unmounts it on close, so each opening starts fresh */
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const c = useFragment(CenterEditDrawer_CenterFragment, center);
  const [form] = Form.useForm<CenterEditValues>();
  const [result, updateCenter] = useMutation(UpdateCenterMutation);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [showError, setShowError] = useState(false);

  // Captured once: a refetch while the drawer is open must not overwrite the user's edits.
  const [initialValues] = useState<CenterEditValues>(() => ({
    address: c.address,
    openingHours: c.openingHours ?? '',
    facilities: [...c.facilities],
    zones: [...c.zones],
    coveredCommunityIds: c.coveredCommunities.map((x) => x.id),
  }));

  // Communities of the center's street, plus any covered community outside it (kept selectable).
  const communityOptions = useMemo(() => {
    const own = c.street.children.filter((r) => r.level === 'COMMUNITY');
    const ownIds = new Set(own.map((r) => r.id));
    const outside = c.coveredCommunities.filter((r) => !ownIds.has(r.id));
    return [...own, ...outside].map((r) => ({ value: r.id, label: r.name }));
  }, [c]);
  const nameOf = useMemo(() => new Map(communityOptions.map((o) => [o.value, o.label])), [communityOptions]);

  const requiredZones = REQUIRED_ZONES[c.kind as CenterKind] ?? [];

  const save = async (values: CenterEditValues) => {
    setShowError(false);
    setUnmatched([]);
    const res = await updateCenter({ id: c.id, input: toUpdateCenterInput(values) });
    if (res.error) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), CENTER_EDIT_FIELDS);
      // The server's messages may be English only: in Chinese, say it per field instead.
      const localize = i18n.language.startsWith('zh');
      form.setFields(
        mapped.fields.map((f) => ({
          name: f.name,
          errors: localize
            ? [...new Set(f.errors.map((m) => (hasCjk(m) ? m : t(FIELD_ERROR_KEYS[f.name]))))]
            : f.errors,
        })),
      );
      setUnmatched(localize ? mapped.unmatched.filter(hasCjk) : mapped.unmatched);
      setShowError(true);
      return;
    }
    message.success(t('admin:centerSaved'));
    onClose();
  };

  const onFinish = (values: CenterEditValues) => {
    const { removed } = coverageChange(initialValues.coveredCommunityIds, values.coveredCommunityIds);
    if (removed.length === 0) return save(values);
    modal.confirm({
      title: t('admin:confirmRemoveCoverageTitle'),
      content: (
        <div data-testid="confirm-remove-coverage">
          <p>{t('admin:confirmRemoveCoverageBody', { n: removed.length })}</p>
          <Flex gap={4} wrap>
            {removed.map((id) => (
              <Tag key={id} color="red">
                {nameOf.get(id) ?? id}
              </Tag>
            ))}
          </Flex>
        </div>
      ),
      okText: t('common:confirm'),
      cancelText: t('common:cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      onOk: () => save(values),
    });
  };

  return (
    <FormDrawer
      title={t('admin:centerEditTitle', { name: c.name })}
      size={640}
      saving={result.fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="center-edit"
    >
      {showError ? <ErrorAlert error={result.error} extra={unmatched} /> : null}
      <Form<CenterEditValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="center-edit-form"
        onValuesChange={(changed) => {
          // A changed field's server error no longer applies.
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof CenterEditValues, errors: [] })),
          );
        }}
      >
        <Form.Item
          name="address"
          label={t('admin:centerAddress')}
          rules={[
            { required: true, whitespace: true, message: t('admin:validationRequired') },
            { max: ADDRESS_MAX_LENGTH, message: t('admin:validationMaxLength', { max: ADDRESS_MAX_LENGTH }) },
          ]}
        >
          <Input data-testid="center-edit-address" maxLength={ADDRESS_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item
          name="openingHours"
          label={t('admin:centerOpeningHours')}
          extra={t('admin:openingHoursHint')}
          rules={[
            {
              max: OPENING_HOURS_MAX_LENGTH,
              message: t('admin:validationMaxLength', { max: OPENING_HOURS_MAX_LENGTH }),
            },
          ]}
        >
          <Input data-testid="center-edit-opening-hours" maxLength={OPENING_HOURS_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="facilities" label={t('admin:centerFacilities')}>
          <Checkbox.Group style={{ width: '100%' }} data-testid="center-edit-facilities">
            <Row gutter={[8, 8]}>
              {FACILITIES.map((f) => (
                <Col span={12} key={f}>
                  <Checkbox value={f} data-testid={`facility-${f}`}>
                    {t(`enum:facility.${f}`)}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="zones"
          label={t('admin:centerZones')}
          extra={
            requiredZones.length > 0
              ? t('admin:requiredZonesHint', {
                  kind: t(`enum:centerKind.${c.kind}`),
                  zones: requiredZones.map((z) => t(`enum:zone.${z}`)).join(t('admin:listSeparator')),
                })
              : undefined
          }
        >
          <Checkbox.Group style={{ width: '100%' }} data-testid="center-edit-zones">
            <Row gutter={[8, 8]}>
              {ZONES.map((z) => (
                <Col span={12} key={z}>
                  <Checkbox value={z} data-testid={`zone-${z}`}>
                    {t(`enum:zone.${z}`)}
                    {(requiredZones as readonly string[]).includes(z) ? (
                      <Tag color="orange" style={{ marginInlineStart: 6 }}>
                        {t('admin:required')}
                      </Tag>
                    ) : null}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="coveredCommunityIds"
          label={t('admin:centerCoveredCommunities')}
          extra={t('admin:coveredCommunitiesHint', { street: c.street.name })}
        >
          <Select
            mode="multiple"
            data-testid="center-edit-communities"
            virtual={false}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin:selectCommunities')}
            options={communityOptions}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
