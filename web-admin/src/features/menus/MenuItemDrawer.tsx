// Add an item to a menu, or edit one: checked in the browser with the shared rules first, then
// the API's field errors appear under their fields.
import {
  AUDIENCES,
  SERVICE_CATEGORIES,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_SHORT_TEXT_MAX_LENGTH,
  SERVICE_TEXT_MAX_LENGTH,
  type ServiceMenu,
} from '@lc/domain';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { FormDrawer } from '../../ui/FormDrawer';
import { ErrorAlert } from '../../ui/states';
import {
  EMPTY_ITEM_VALUES,
  MENU_ITEM_FIELDS,
  clientItemErrors,
  itemToValues,
  localizeMessage,
  toCreateInput,
  toUpdateInput,
  type MenuItemValues,
} from './menuItemForm';

export const MenuItemDrawer_ItemFragment = graphql(`
  fragment MenuItemDrawer_ItemFragment on ServiceItem {
    id
    name
    category
    audience
    description
    fee
    provider
    department
    menu
    ownerRegion {
      id
      name
    }
  }
`);

const CreateServiceItemMutation = graphql(`
  mutation CreateServiceItem($input: CreateServiceItemInput!) {
    createServiceItem(input: $input) {
      id
      ...MenuItemsTable_ItemFragment
    }
  }
`);

const UpdateServiceItemMutation = graphql(`
  mutation UpdateServiceItem($id: ID!, $input: UpdateServiceItemInput!) {
    updateServiceItem(id: $id, input: $input) {
      id
      ...MenuItemsTable_ItemFragment
    }
  }
`);

export type MenuItemDrawerProps =
  | { mode: 'create'; menu: ServiceMenu; regionId: string; regionName: string }
  | { mode: 'edit'; item: FragmentType<typeof MenuItemDrawer_ItemFragment> };

export function MenuItemDrawer(
  props: MenuItemDrawerProps & {
    /** the parent mounts the drawer to open it and unmounts it on close */
    onClose: () => void;
    onSaved: () => void;
  },
) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const item = useFragment(MenuItemDrawer_ItemFragment, props.mode === 'edit' ? props.item : null);
  const [form] = Form.useForm<MenuItemValues>();
  const [createResult, create] = useMutation(CreateServiceItemMutation);
  const [updateResult, update] = useMutation(UpdateServiceItemMutation);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [shownError, setShownError] = useState<typeof createResult.error>(undefined);
  const fetching = createResult.fetching || updateResult.fetching;

  // Captured once: a refetch while the drawer is open must not overwrite the user's edits.
  const [initialValues] = useState<MenuItemValues>(() => (item ? itemToValues(item) : EMPTY_ITEM_VALUES));
  const menu = props.mode === 'create' ? props.menu : (item?.menu as ServiceMenu);
  const regionName = props.mode === 'create' ? props.regionName : (item?.ownerRegion.name ?? '');
  const localize = (m: string) => localizeMessage(m, i18n.language);

  const onFinish = async (values: MenuItemValues) => {
    setShownError(undefined);
    setUnmatched([]);
    const problems = clientItemErrors(values);
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.name, errors: p.errors.map(localize) })));
      return;
    }
    let error;
    if (props.mode === 'create') {
      const res = await create(
        { input: toCreateInput(props.menu, props.regionId, values) },
        { additionalTypenames: ['ServiceItem'] },
      );
      error = res.error;
    } else if (item) {
      const input = toUpdateInput(initialValues, values);
      if (Object.keys(input).length === 0) {
        props.onClose();
        return;
      }
      const res = await update({ id: item.id, input: input as never });
      error = res.error;
    }
    if (error) {
      const mapped = toFormFieldErrors(fieldErrorsOf(error), MENU_ITEM_FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(error);
      return;
    }
    message.success(t(props.mode === 'create' ? 'admin:menusItemCreated' : 'admin:menusItemSaved'));
    props.onSaved();
    props.onClose();
  };

  return (
    <FormDrawer
      title={
        props.mode === 'create'
          ? t('admin:menusCreateTitle', { menu: t(`enum:menu.${menu}`), region: regionName })
          : t('admin:menusEditTitle', { name: item?.name ?? '' })
      }
      size={560}
      saving={fetching}
      onClose={props.onClose}
      onSave={() => form.submit()}
      testIdPrefix="menu-item"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<MenuItemValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="menu-item-form"
        onValuesChange={(changed) => {
          // A changed field's error no longer applies.
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof MenuItemValues, errors: [] })),
          );
        }}
      >
        <Form.Item name="name" label={t('admin:menusItemName')} required>
          <Input data-testid="menu-item-name" maxLength={SERVICE_NAME_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item name="category" label={t('admin:menusItemCategory')} required>
          <Select
            data-testid="menu-item-category"
            virtual={false}
            placeholder={t('admin:menusPickCategory')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="audience" label={t('admin:menusItemAudience')} extra={t('admin:menusAudienceHint')}>
          <Checkbox.Group data-testid="menu-item-audience">
            {AUDIENCES.map((a) => (
              <Checkbox key={a} value={a} data-testid={`audience-${a}`}>
                {t(`enum:audience.${a}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="description" label={t('admin:menusItemDescription')}>
          <Input.TextArea
            data-testid="menu-item-description"
            rows={3}
            maxLength={SERVICE_TEXT_MAX_LENGTH}
            showCount
          />
        </Form.Item>
        <Form.Item name="fee" label={t('admin:serviceFee')} extra={t('admin:menusFeeHint')}>
          <Input data-testid="menu-item-fee" maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="provider" label={t('admin:serviceProvider')}>
          <Input data-testid="menu-item-provider" maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="department" label={t('admin:menusItemDepartment')}>
          <Input data-testid="menu-item-department" maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
